package ru.paragraf.sferum.sync.vk;

import java.util.function.Function;

/**
 * The result of one VK call after the client's retries: {@link Ok} with the typed answer, or {@link Failed} with
 * the classified failure. Callers branch with {@code instanceof}, or use {@link #orThrow()}.
 *
 * @param <T> the type of the answer
 */
public sealed interface VkOutcome<T> permits VkOutcome.Ok, VkOutcome.Failed {

    /** VK did it; {@code value} is its answer. */
    record Ok<T>(T value) implements VkOutcome<T> {}

    /** VK did not do it, or it is unknown whether it did ({@link VkFailure#ambiguous()}). */
    record Failed<T>(VkFailure failure) implements VkOutcome<T> {}

    /** The answer, or a {@link VkException} carrying the failure. */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new VkException(((Failed<T>) this).failure());
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <R> VkOutcome<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return new Failed<>(((Failed<T>) this).failure());
    }
}
