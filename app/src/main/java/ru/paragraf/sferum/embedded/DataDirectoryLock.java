package ru.paragraf.sferum.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The lock file that zonky's EmbeddedPostgres holds on the data directory for as long as its JVM runs the server
 * ({@code epg-lock}). The operating system drops the lock when that JVM dies, so a lock held by someone else means a
 * live instance. A free lock is held here while what a dead instance left behind is cleared away, and given back just
 * before the server starts, when zonky takes it again.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "epg-lock";

    private final @Nullable FileChannel channel;
    private final @Nullable FileLock lock;

    private DataDirectoryLock(@Nullable FileChannel channel, @Nullable FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a data directory, or refuses at once when another instance holds it. A directory without a
     * database yet has nothing to guard, and must stay empty for initdb.
     */
    static DataDirectoryLock acquire(Path directory) {
        if (!Files.exists(directory.resolve(FILE)) && !Files.exists(directory.resolve("PG_VERSION"))) {
            return new DataDirectoryLock(null, null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotLock(directory, e);
        }
        try {
            var lock = channel.tryLock();
            if (lock != null) {
                return new DataDirectoryLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // this JVM runs a server on the directory already
        } catch (IOException e) {
            closeQuietly(channel);
            throw cannotLock(directory, e);
        }
        closeQuietly(channel);
        throw inUse(directory);
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel releases it too
            }
        }
        if (channel != null) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the operating system drops the lock with the descriptor in any case
        }
    }

    private static EmbeddedDatabaseException cannotLock(Path directory, IOException cause) {
        return new EmbeddedDatabaseException(
                "The data directory of the embedded PostgreSQL cannot be locked: " + directory,
                "Set sferum.embedded.database.data-directory to a writable directory.",
                cause);
    }

    private static EmbeddedDatabaseException inUse(Path directory) {
        return new EmbeddedDatabaseException(
                "The data directory of the embedded PostgreSQL is in use by another process: " + directory,
                "Stop the other instance of the application, or set sferum.embedded.database.data-directory "
                        + "to another directory.");
    }
}
