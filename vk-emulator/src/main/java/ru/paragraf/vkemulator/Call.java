package ru.paragraf.vkemulator;

import org.jspecify.annotations.Nullable;

/** A video call started with calls.start; finished by calls.forceFinish. */
final class Call {

    private final String id;
    private final long startedBy;
    private final @Nullable Long groupId;
    private final String joinLink;
    private final String okJoinLink;
    private final String shortId;
    private final String password;
    private final long startedAt;
    private @Nullable Long finishedAt;
    private @Nullable Long finishedBy;

    Call(String id, long startedBy, @Nullable Long groupId, long startedAt) {
        this(
                id,
                startedBy,
                groupId,
                startedAt,
                "https://vk.com/call/join/" + Secrets.urlSafe(32),
                "https://ok.ru/videochat/join/" + Secrets.urlSafe(24),
                Secrets.digits(9),
                Secrets.urlSafe(6).substring(0, 8));
    }

    private Call(
            String id,
            long startedBy,
            @Nullable Long groupId,
            long startedAt,
            String joinLink,
            String okJoinLink,
            String shortId,
            String password) {
        this.id = id;
        this.startedBy = startedBy;
        this.groupId = groupId;
        this.startedAt = startedAt;
        this.joinLink = joinLink;
        this.okJoinLink = okJoinLink;
        this.shortId = shortId;
        this.password = password;
    }

    static Call restore(SavedState.SavedCall saved) {
        var call = new Call(
                saved.id(),
                saved.startedBy(),
                saved.groupId(),
                saved.startedAt(),
                saved.joinLink(),
                saved.okJoinLink(),
                saved.shortId(),
                saved.password());
        call.finishedAt = saved.finishedAt();
        call.finishedBy = saved.finishedBy();
        return call;
    }

    synchronized SavedState.SavedCall saved() {
        return new SavedState.SavedCall(
                id, startedBy, groupId, joinLink, okJoinLink, shortId, password, startedAt, finishedAt, finishedBy);
    }

    String id() {
        return id;
    }

    long startedBy() {
        return startedBy;
    }

    /** Idempotent: finishing a finished call changes nothing. */
    synchronized void finish(long by, long now) {
        if (finishedAt == null) {
            finishedAt = now;
            finishedBy = by;
        }
    }

    /** The calls.start response. */
    Started started() {
        var withoutPassword = "https://vk.com/call/join/" + shortId;
        return new Started(
                id,
                joinLink,
                okJoinLink,
                new ShortCredentials(shortId, password, withoutPassword, withoutPassword + "?password=" + password));
    }

    synchronized EmulatorSnapshot.Call snapshot() {
        return new EmulatorSnapshot.Call(
                id,
                startedBy,
                groupId,
                joinLink,
                startedAt,
                finishedAt,
                finishedBy,
                finishedAt == null ? "active" : "finished");
    }

    record Started(String callId, String joinLink, String okJoinLink, ShortCredentials shortCredentials) {}

    record ShortCredentials(String id, String password, String linkWithoutPassword, String linkWithPassword) {}
}
