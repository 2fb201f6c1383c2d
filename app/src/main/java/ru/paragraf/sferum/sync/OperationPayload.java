package ru.paragraf.sferum.sync;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * How an {@link Action} is kept in the queue: {@code sync.operation.payload}, a JSON object that the
 * {@link Planner}'s statements write set-based ({@link #VERSION} in its {@code v}) and that is read here once, when
 * the operation is claimed. The organization is the row's own column.
 *
 * <p>Version 2: chat operations hold {@code journal} and {@code year} (UUIDs), CREATE_CHAT also {@code title},
 * ADD_MEMBER {@code person} (UUID: an employee, a pupil or a parent), {@code role} ({@link MemberRole}) and
 * {@code vkUser} (number), REMOVE_MEMBER and REMOVE_STRANGER {@code vkUser}, CHECK_MEMBERS nothing more; call operations hold {@code lesson} and {@code journal},
 * ANNOUNCE_CALL, ANNOUNCE_LESSON_CHANGE and ANNOUNCE_LESSON_LINK also {@code year}, RENEW_CALL also {@code generation} (number: the call's generation to replace); ARCHIVE_CHAT (added in version 2, nothing older holds it) the chat's {@code journal}
 * and {@code year}, its new {@code title} and the year's {@code yearTitle}; ADOPT_CHAT (added in version 2) the chat's {@code journal}, {@code year} and
 * the bound {@code chatId}; REPLY (added in version 2) {@code chatId}, {@code what} and {@code text}. Version 1 differs only in ADD_MEMBER, which put only teachers into chats: it
 * holds {@code employee} instead of {@code person} and {@code role}. Rows queued before the payload had a version
 * have no {@code v}: they are version 1. Changing what a kind holds is a new version, read beside the old one until
 * no row of the old one can be open.
 */
final class OperationPayload {

    /** The version the planner writes. */
    static final int VERSION = 2;

    private OperationPayload() {}

    /** The action a payload of this kind holds; an {@link IllegalArgumentException} if it holds none. */
    static Action decode(OperationKind kind, UUID organization, JsonNode payload) {
        var version = payload.has("v") ? payload.get("v").asInt() : 1;
        if (version != 1 && version != VERSION) {
            throw new IllegalArgumentException("Unknown payload version " + version + " of " + kind);
        }
        var fields = new Fields(payload);
        return switch (kind) {
            case CREATE_CHAT -> new Action.CreateChat(fields.chat(organization), fields.text("title"));
            case INVITE_LINK -> new Action.InviteLink(fields.chat(organization));
            case RENEW_INVITE_LINK -> new Action.RenewInviteLink(fields.chat(organization));
            case ADD_MEMBER -> version == 1
                    ? new Action.AddMember(
                            fields.chat(organization),
                            fields.uuid("employee"),
                            MemberRole.TEACHER,
                            fields.number("vkUser"))
                    : new Action.AddMember(
                            fields.chat(organization), fields.uuid("person"), fields.role(), fields.number("vkUser"));
            case REMOVE_MEMBER -> new Action.RemoveMember(fields.chat(organization), fields.number("vkUser"));
            case CHECK_MEMBERS -> new Action.CheckMembers(fields.chat(organization));
            case REMOVE_STRANGER -> new Action.RemoveStranger(fields.chat(organization), fields.number("vkUser"));
            case START_CALL -> new Action.StartCall(fields.call(organization), fields.uuid("journal"));
            case FINISH_CALL -> new Action.FinishCall(fields.call(organization), fields.uuid("journal"));
            case ANNOUNCE_CALL -> new Action.AnnounceCall(fields.call(organization), fields.chat(organization));
            case ANNOUNCE_LESSON_CHANGE -> new Action.AnnounceLessonChange(
                    fields.call(organization), fields.chat(organization));
            case RENEW_CALL -> new Action.RenewCall(
                    fields.call(organization), fields.uuid("journal"), (int) fields.number("generation"));
            case ARCHIVE_CHAT -> new Action.ArchiveChat(
                    fields.chat(organization), fields.text("title"), fields.text("yearTitle"));
            case ADOPT_CHAT -> new Action.AdoptChat(fields.chat(organization), fields.number("chatId"));
            case REPLY -> new Action.Reply(fields.number("chatId"), fields.text("what"), fields.text("text"));
            case CLOSE_PREVIOUS_CHAT -> new Action.ClosePreviousChat(fields.chat(organization));
            case ANNOUNCE_LESSON_LINK -> new Action.AnnounceLessonLink(
                    fields.call(organization), fields.chat(organization));
        };
    }

    private record Fields(JsonNode payload) {

        ChatKey chat(UUID organization) {
            return new ChatKey(organization, uuid("journal"), uuid("year"));
        }

        CallKey call(UUID organization) {
            return new CallKey(organization, uuid("lesson"));
        }

        MemberRole role() {
            return MemberRole.valueOf(text("role"));
        }

        UUID uuid(String field) {
            return UUID.fromString(text(field));
        }

        long number(String field) {
            var value = field(field);
            if (!value.canConvertToLong()) {
                throw new IllegalArgumentException("Not a number: " + field);
            }
            return value.asLong();
        }

        String text(String field) {
            return field(field).asString();
        }

        private JsonNode field(String field) {
            var value = payload.get(field);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException("No " + field + " in the payload");
            }
            return value;
        }
    }
}
