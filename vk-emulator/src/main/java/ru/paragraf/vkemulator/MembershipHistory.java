package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One chat's membership changes in the order they happened, each with a number from one emulator-wide sequence, so
 * that tests can replay who was in the chat after any change and compare changes across chats. VK shows this only
 * as service messages; the emulator keeps it separately for its inspection API. The owning {@link Chat}'s lock
 * guards it.
 */
final class MembershipHistory {

    enum Change {
        /** The chat was created by this member (its owner). */
        CREATED,
        /** Put in by another member: at creation or with messages.addChatUser. */
        ADDED,
        /** Came in by an invite link. */
        JOINED,
        /** Taken out by an admin (state {@code kicked}). */
        REMOVED,
        /** Went out on their own (state {@code left}). */
        LEFT;

        String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One change: {@code member} came in or went out because of {@code actor}, at {@code date} (Unix seconds). */
    record Entry(long seq, Change change, long member, long actor, long date) {}

    private final ArrayList<Entry> entries = new ArrayList<>();

    void record(long seq, Change change, long member, long actor, long date) {
        entries.add(new Entry(seq, change, member, actor, date));
    }

    List<EmulatorSnapshot.MembershipChange> snapshot() {
        return entries.stream()
                .map(e -> new EmulatorSnapshot.MembershipChange(
                        e.seq(), e.change().apiName(), e.member(), e.actor(), e.date()))
                .toList();
    }

    List<SavedState.SavedChange> saved() {
        return entries.stream()
                .map(e -> new SavedState.SavedChange(e.seq(), e.change(), e.member(), e.actor(), e.date()))
                .toList();
    }

    /** A state file written before the history was kept has none: the history then starts now. */
    void restore(@Nullable List<SavedState.SavedChange> saved) {
        entries.clear();
        if (saved != null) {
            saved.forEach(s -> record(s.seq(), s.change(), s.member(), s.actor(), s.date()));
        }
    }
}
