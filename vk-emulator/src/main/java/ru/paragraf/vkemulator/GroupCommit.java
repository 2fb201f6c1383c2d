package ru.paragraf.vkemulator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Saves the whole state to its file after changes, one save for all the changes made while the previous one was
 * being written (a group commit). Changes run under the read side of a lock and count a version before they
 * touch anything; a single writer thread takes the write side to copy the state at a version (so it never sees a
 * change half done), writes the copy outside the lock and then wakes everyone waiting for that version. An answer
 * waits for the version it has seen, so whatever an answer shows survives a kill -9 of the process.
 */
final class GroupCommit implements Durability {

    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final StateFile file;
    private final Supplier<SavedState> state;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong version = new AtomicLong();
    private final Object savedSignal = new Object();
    private final Thread writer;
    private volatile long saved;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile SaveTimes times = new SaveTimes(0, 0, 0, 0, 0);

    /** Saves the state once (failing if the file cannot be written), then starts the writer thread. */
    GroupCommit(StateFile file, Supplier<SavedState> state) {
        this.file = file;
        this.state = state;
        try {
            save();
        } catch (IOException e) {
            throw new StateFileException(
                    StateFileException.Problem.NOT_WRITABLE, file.path(), "Cannot write " + file.path() + ": " + e, e);
        }
        writer = new Thread(this::run, "vk-emulator-state-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public <T> T change(Supplier<T> change) {
        lock.readLock().lock();
        try {
            version.incrementAndGet();
            return change.get();
        } finally {
            lock.readLock().unlock();
            LockSupport.unpark(writer);
        }
    }

    @Override
    public void awaitSaved() {
        long target = version.get();
        if (saved >= target) {
            return;
        }
        synchronized (savedSignal) {
            while (saved < target && !stopped) {
                try {
                    savedSignal.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.close();
    }

    /** Timings of the saves so far. */
    SaveTimes times() {
        return times;
    }

    private void run() {
        try {
            while (true) {
                while (saved == version.get() && !closing) {
                    LockSupport.park(this);
                }
                if (saved == version.get()) {
                    return;
                }
                try {
                    save();
                } catch (IOException | RuntimeException e) {
                    System.err.println("vk-emulator: cannot save the state to " + file.path() + ": " + e
                            + (closing ? "; the last changes are lost" : "; retrying in 1 s"));
                    if (closing) {
                        return;
                    }
                    LockSupport.parkNanos(this, RETRY_NANOS);
                }
            }
        } finally {
            stopped = true;
            synchronized (savedSignal) {
                savedSignal.notifyAll();
            }
        }
    }

    private void save() throws IOException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SavedState copy;
        long at;
        lock.writeLock().lock();
        try {
            at = version.get();
            copy = state.get();
        } finally {
            lock.writeLock().unlock();
        }
        long copied = System.nanoTime();
        var content = Json.MAPPER.writeValueAsBytes(copy);
        file.write(content);
        times = times.plus(
                copied - start, System.nanoTime() - copied, THREADS.getCurrentThreadCpuTime() - cpu, content.length);
        saved = at;
        synchronized (savedSignal) {
            savedSignal.notifyAll();
        }
    }
}
