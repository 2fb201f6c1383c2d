package ru.paragraf.vkemulator;

import java.util.function.Supplier;

/**
 * How changes to the emulator's state become durable. Without a state file ({@link #NONE}) they live in memory
 * only, at no cost. With one ({@link GroupCommit}) every change is saved before the answer that follows it is sent.
 */
interface Durability {

    /** In memory only: changes run as they are and nothing waits. */
    Durability NONE = new Durability() {
        @Override
        public <T> T change(Supplier<T> change) {
            return change.get();
        }

        @Override
        public void awaitSaved() {}

        @Override
        public void close() {}
    };

    /** Runs a change of the state (never at the same time as a save captures the state). */
    <T> T change(Supplier<T> change);

    /** Returns once every change made so far is saved; call it before answering. */
    void awaitSaved();

    /** Saves what is not saved yet and stops saving. */
    void close();
}
