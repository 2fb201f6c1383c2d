package ru.paragraf.vkemulator;

import org.jspecify.annotations.Nullable;

/** calls.start and calls.forceFinish (user tokens only). */
final class CallMethods {

    private final EmulatorState state;

    CallMethods(EmulatorState state) {
        this.state = state;
    }

    /** {@code group_id}, if given, must name a known community; it is recorded on the call. */
    Object start(ApiRequest request) {
        @Nullable Long groupId = null;
        if (request.params().has("group_id")) {
            groupId = request.params().requireLong("group_id");
            if (state.directory.community(groupId) == null) {
                throw ApiError.param("group_id is invalid");
            }
        }
        return state.calls.start(request.caller(), groupId, request.now()).started();
    }

    /**
     * Unknown call: 104. A call started by another user: 15. Finishing a finished call answers 1 again, so a
     * retry after a lost response succeeds.
     */
    Object forceFinish(ApiRequest request) {
        var callId = request.params().require("call_id");
        if (callId.length() != 36) {
            throw ApiError.param("call_id should be 36 characters long");
        }
        var call = state.calls.find(callId);
        if (call == null) {
            throw ApiError.of(104);
        }
        if (call.startedBy() != request.caller()) {
            throw new ApiError(15, "Access denied: the call was started by another user");
        }
        call.finish(request.caller(), request.now());
        return 1;
    }
}
