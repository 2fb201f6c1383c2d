package ru.paragraf.sferum.sync.vk;

import org.jspecify.annotations.Nullable;

/** Video calls: calls.start and calls.forceFinish, user tokens only in VK's public schema. */
public final class VkCalls {

    private VkCalls() {}

    /**
     * calls.start. Not idempotent: a repeat starts a second call with another link.
     *
     * @param groupId the community the user starts the call as; null for none
     */
    public record Start(@Nullable Long groupId) implements VkRequest<CallStarted> {

        @Override
        public String method() {
            return "calls.start";
        }

        @Override
        public VkParams params() {
            return VkParams.of().with("group_id", groupId);
        }

        @Override
        public Class<CallStarted> responseType() {
            return CallStarted.class;
        }

        @Override
        public boolean idempotent() {
            return false;
        }
    }

    /** A started call: its id (for forceFinish) and the link pupils join by. */
    public record CallStarted(
            String callId, String joinLink, @Nullable String okJoinLink, @Nullable ShortCredentials shortCredentials) {}

    /** Dial-in credentials; the password is a secret and is left out of {@code toString()}. */
    public record ShortCredentials(
            @Nullable String id,
            @Nullable String password,
            @Nullable String linkWithoutPassword,
            @Nullable String linkWithPassword) {

        @Override
        public String toString() {
            return "ShortCredentials[id=" + id + "]";
        }
    }

    /** calls.forceFinish: finishing a finished call answers 1 again, so a repeat is harmless. */
    public record ForceFinish(String callId) implements VkRequest<VkDone> {

        @Override
        public String method() {
            return "calls.forceFinish";
        }

        @Override
        public VkParams params() {
            return VkParams.of().with("call_id", callId);
        }

        @Override
        public Class<VkDone> responseType() {
            return VkDone.class;
        }
    }
}
