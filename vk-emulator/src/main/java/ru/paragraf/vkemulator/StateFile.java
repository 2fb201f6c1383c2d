package ru.paragraf.vkemulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The state file on disk. While an emulator runs it holds an exclusive lock on {@code <file>.lock} (released by the
 * operating system when the process dies, so a crash leaves no stale lock). A save writes a temporary file in the
 * same directory, forces it to disk, renames it over the state file atomically and forces the directory: the file
 * is always either the previous complete state or the new one, whenever the process is killed. Files are created
 * readable by the owner only where the file system has POSIX permissions: they hold token values.
 */
final class StateFile implements AutoCloseable {

    /** How to start afresh, for every refusal of an existing file. */
    static final String AFRESH = " To start afresh (VK then forgets its chats, calls and issued tokens), move it away"
            + " or delete it; the emulator does not start over a file it cannot read.";

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final Path temporary;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateFile(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and takes the lock; refuses a file another running emulator holds. */
    static StateFile open(Path path) {
        var file = path.toAbsolutePath().normalize();
        var directory = file.getParent();
        FileChannel channel = null;
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, ownerOnly("rwx------"));
            }
            channel = FileChannel.open(
                    file.resolveSibling(file.getFileName() + ".lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    ownerOnly("rw-------"));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StateFileException(
                        StateFileException.Problem.IN_USE,
                        file,
                        "The VK emulator's state file " + file + " is in use by another running emulator"
                                + " (its lock file " + file.getFileName() + ".lock is held).");
            }
            return new StateFile(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StateFileException(
                    StateFileException.Problem.NOT_WRITABLE,
                    file,
                    "Cannot use " + directory + " for the VK emulator's state file: " + e,
                    e);
        }
    }

    Path path() {
        return file;
    }

    /**
     * The saved state, or null when there is no state file yet. A temporary file left by a process killed while
     * saving is deleted: the state file itself is the last complete save.
     */
    @Nullable
    SavedState read() {
        byte[] content;
        try {
            Files.deleteIfExists(temporary);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException e) {
            throw new StateFileException(
                    StateFileException.Problem.UNREADABLE, file, "Cannot read " + file + ": " + e + "." + afresh(), e);
        }
        return parse(content);
    }

    /** Replaces the state file with {@code content}, durably and atomically. */
    void write(byte[] content) throws IOException {
        Files.deleteIfExists(temporary);
        try (var channel = FileChannel.open(temporary, writeNew(), ownerOnly("rw-------"))) {
            var buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    private SavedState parse(byte[] content) {
        try {
            var tree = Json.MAPPER.readTree(content);
            var format = tree == null ? null : tree.get("format");
            if (format == null || !format.isIntegralNumber()) {
                throw new StateFileException(
                        StateFileException.Problem.UNREADABLE,
                        file,
                        file + " is not a VK emulator state file (it has no \"format\")." + afresh());
            }
            if (format.asInt() != SavedState.FORMAT) {
                throw new StateFileException(
                        StateFileException.Problem.UNKNOWN_FORMAT,
                        file,
                        file + " has format " + format.asInt() + "; this emulator reads format " + SavedState.FORMAT
                                + " only. Start the emulator version that wrote it." + afresh());
            }
            return Json.MAPPER.treeToValue(tree, SavedState.class);
        } catch (JacksonException e) {
            // the parser's own message may quote the file's content, tokens included: only say where
            var location = e.getLocation() == null || e.getLocation().getLineNr() < 0
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            var path = path(e);
            throw new StateFileException(
                    StateFileException.Problem.UNREADABLE,
                    file,
                    file + " is damaged: " + (path.isEmpty() ? "not valid JSON" + location : "bad value at " + path)
                            + "." + afresh());
        }
    }

    private static String afresh() {
        return AFRESH;
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private void forceDirectory() {
        try (var directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; its rename is durable by itself
        }
    }

    private static Set<OpenOption> writeNew() {
        return Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
