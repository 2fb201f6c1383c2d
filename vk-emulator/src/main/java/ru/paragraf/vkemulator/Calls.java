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

    void clear() {
        calls.clear();
    }
}
