package ru.paragraf.sferum.sync.vk;

/** A failed VK call, thrown by {@link VkOutcome#orThrow()}; its message is redacted. */
public class VkException extends RuntimeException {

    private final VkFailure failure;

    public VkException(VkFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    public VkFailure failure() {
        return failure;
    }
}
