package ru.paragraf.sferum.sync.vk;

import java.util.function.Function;

/**
 * The result of one VK call after the client's retries: {@link Ok} with the typed answer, or {@link Failed} with
 * the classified failure. Callers take both cases with {@link #fold}, or use {@link #orThrow()}.
 *
 * @param <T> the type of the answer
 */
public sealed interface VkOutcome<T> permits VkOutcome.Ok, VkOutcome.Failed {

    /** VK did it; {@code value} is its answer. */
    record Ok<T>(T value) implements VkOutcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> ok, Function<VkFailure, ? extends R> failed) {
            return ok.apply(value);
        }
    }

    /** VK did not do it, or it is unknown whether it did ({@link VkFailure#ambiguous()}). */
    record Failed<T>(VkFailure failure) implements VkOutcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> ok, Function<VkFailure, ? extends R> failed) {
            return failed.apply(failure);
        }
    }

    /** The answer given to {@code ok}, or the failure to {@code failed}: both cases, without a cast. */
    <R> R fold(Function<? super T, ? extends R> ok, Function<VkFailure, ? extends R> failed);

    /** The answer, or a {@link VkException} carrying the failure. */
    default T orThrow() {
        return fold(value -> value, failure -> {
            throw new VkException(failure);
        });
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <R> VkOutcome<R> map(Function<? super T, ? extends R> mapper) {
        return this.<VkOutcome<R>>fold(value -> new Ok<>(mapper.apply(value)), Failed::new);
    }
}
