package ru.paragraf.vkemulator;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** All calls by call_id. */
final class Calls {

    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();

    Call start(long userId, @Nullable Long groupId, long now) {
        var call = new Call(UUID.randomUUID().toString(), userId, groupId, now);
        calls.put(call.id(), call);
        return call;
    }

    @Nullable
    Call find(String callId) {
        return calls.get(callId);
    }

    List<EmulatorSnapshot.Call> snapshot() {
        return calls.values().stream()
                .map(Call::snapshot)
                .sorted(Comparator.comparingLong(EmulatorSnapshot.Call::startedAt)
                        .thenComparing(EmulatorSnapshot.Call::callId))
                .toList();
    }

    /** Whether the call exists; finishing a finished call changes nothing. */
    boolean finish(String callId, long now) {
        var call = calls.get(callId);
        if (call == null) {
            return false;
        }
        call.finish(call.startedBy(), now);
        return true;
    }

    void clear() {
        calls.clear();
    }

    List<SavedState.SavedCall> saved() {
        return calls.values().stream()
                .map(Call::saved)
                .sorted(Comparator.comparingLong(SavedState.SavedCall::startedAt)
                        .thenComparing(SavedState.SavedCall::id))
                .toList();
    }

    void restore(List<SavedState.SavedCall> saved) {
        saved.forEach(call -> calls.put(call.id(), Call.restore(call)));
    }
}
