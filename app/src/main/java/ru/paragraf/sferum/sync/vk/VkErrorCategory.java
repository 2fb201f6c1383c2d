package ru.paragraf.sferum.sync.vk;

/** What a failed VK call means for the synchronization (DESIGN §5.4). */
public enum VkErrorCategory {
    /** Transient: try again later (rate limits, VK's internal errors, timeouts, lost connections). */
    RETRY,
    /** The token is invalid or may not do this: pause the organization and tell the admin. */
    CREDENTIALS,
    /** This one object cannot be synchronized as it is (chat gone, user not found, …): report it, go on. */
    ITEM,
    /** Our request is wrong, or VK answered something we do not know: needs a developer. */
    BUG
}
