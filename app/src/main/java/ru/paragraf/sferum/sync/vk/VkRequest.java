package ru.paragraf.sferum.sync.vk;

/**
 * One VK API call with its typed answer: the method name, its parameters and the type VK's {@code response}
 * is read into. Implementations are records grouped by API section ({@link VkChats}, {@link VkCalls}, …).
 *
 * @param <T> the type of the answer
 */
public interface VkRequest<T> {

    /** The VK method name, e.g. {@code messages.createChat}. */
    String method();

    VkParams params();

    Class<T> responseType();

    /**
     * Whether repeating the call after an ambiguous failure (timeout, dropped connection, HTTP 5xx, error 10)
     * cannot create a second object. Non-idempotent calls are never repeated after such a failure; the caller
     * finds out what happened instead (DESIGN §5.5).
     */
    default boolean idempotent() {
        return true;
    }
}
