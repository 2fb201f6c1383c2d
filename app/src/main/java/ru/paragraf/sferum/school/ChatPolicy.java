package ru.paragraf.sferum.school;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A school's choices about its subject chats («Настройки чатов»): whether the pupils' parents are in them (default
 * off), whether people who do not belong are removed from them (default on), and whether the chats of a closed
 * academic year are emptied of pupils and parents (default off: kept as they are). A school that never changed them
 * has the defaults and no {@code updatedAt}. Where its messenger cannot start calls, where its lessons' video links come
 * from: the link pasted on the lesson (no template, the default), or else the journal's standing room by the
 * template ({@link VideoRooms}).
 *
 * @param videoRoomTemplate the standing rooms' URL template, null for the pasted links only
 * @param updatedBy who changed them last, as the audit names people
 */
record ChatPolicy(
        UUID organization,
        boolean parentsInChats,
        boolean removeStrangers,
        boolean emptyArchivedChats,
        @Nullable String videoRoomTemplate,
        @Nullable OffsetDateTime updatedAt,
        @Nullable String updatedBy) {

    /** The same settings with the time of the last change in the given zone: the database answers in UTC. */
    ChatPolicy inZone(ZoneId zone) {
        return updatedAt == null
                ? this
                : new ChatPolicy(
                        organization,
                        parentsInChats,
                        removeStrangers,
                        emptyArchivedChats,
                        videoRoomTemplate,
                        updatedAt.atZoneSameInstant(zone).toOffsetDateTime(),
                        updatedBy);
    }

    boolean differsFrom(boolean parents, boolean strangers, boolean emptyArchived) {
        return parentsInChats != parents || removeStrangers != strangers || emptyArchivedChats != emptyArchived;
    }
}
