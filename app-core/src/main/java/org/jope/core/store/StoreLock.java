package org.jope.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive OS lock that keeps a second process off an embedded store, as FileStorage's Data.fs.lock does. It is
 * held for the life of the store, and the file holds the holder's pid. The OS drops the lock when its process dies,
 * even by SIGKILL, so a stale file never blocks the next start.
 *
 * <p>A second store in the same JVM is refused by a registry of held files before any channel is opened: on Linux,
 * closing any descriptor of a file drops every lock the process holds on it, so merely probing the file from this
 * process would free the first store's lock.
 */
final class StoreLock implements AutoCloseable {

    private static final Set<Path> heldInThisProcess = ConcurrentHashMap.newKeySet();

    private final Path lockFile;

    private final FileChannel channel;

    private final FileLock lock;

    private StoreLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path lockFile) {
        if (!heldInThisProcess.add(lockFile)) {
            throw new StoreLockedException(lockFile, ProcessHandle.current().pid() + " (this process)");
        }
        try {
            return lockExclusively(lockFile);
        }
        catch (RuntimeException ex) {
            heldInThisProcess.remove(lockFile);
            throw ex;
        }
    }

    private static StoreLock lockExclusively(Path lockFile) {
        FileChannel channel;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not open the lock file " + lockFile, ex);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = readPid(channel);
                channel.close();
                throw new StoreLockedException(lockFile, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new StoreLock(lockFile, channel, lock);
        }
        catch (IOException ex) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock " + lockFile, ex);
        }
    }

    /** Null when another process holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException ex) {
            // Only a lock taken in this JVM outside the registry, which no Jope store does.
            return null;
        }
    }

    private static String readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "unknown" : pid;
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        }
        catch (IOException ex) {
            // The lock was never ours; nothing more to release.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not release the store lock", ex);
        }
        finally {
            heldInThisProcess.remove(lockFile);
        }
    }

}
