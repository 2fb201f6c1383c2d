package ru.paragraf.maxemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state file. A save writes {@code <file>.tmp}, forces it to disk and renames it over the file atomically, so the
 * file is always a complete state, whenever the process is killed. A running emulator holds a lock on
 * {@code <file>.lock} (released by the operating system when the process dies), so two emulators cannot share a file.
 */
final class StateStore implements AutoCloseable {

    private final Path file;
    private final Path temporary;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateStore(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static StateStore open(Path path) {
        var file = path.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
            var channel = FileChannel.open(
                    file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(
                        "The MAX emulator's state file " + file + " is in use by another running emulator");
            }
            return new StateStore(file, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + file + " as the MAX emulator's state file", e);
        }
    }

    Path path() {
        return file;
    }

    /** The saved state, or null when there is none yet. */
    @Nullable
    WorldData read() {
        try {
            Files.deleteIfExists(temporary);
            return Json.FIELDS.readValue(Files.readAllBytes(file), WorldData.class);
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the MAX emulator's state file " + file, e);
        }
    }

    void write(byte[] content) {
        try {
            try (var channel = FileChannel.open(
                    temporary,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                    ownerOnly())) {
                var buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the MAX emulator's state to " + file, e);
        }
    }

    /** The file holds bot tokens: readable by its owner only where the file system has POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        };
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the operating system releases the lock with the process anyway
        }
    }
}
