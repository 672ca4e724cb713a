package org.jope.core.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inituser file as it is now. Each login looks at the file's modification time, size and inode (one stat, a few
 * microseconds) and reads it again when one of them changed, so that {@code jopectl adduser}, a rewritten file or a
 * changed password count from the next request on, without a restart.
 *
 * <p>A file that cannot be read at start stops the start; one that becomes unreadable later keeps the managers that
 * were read last, with a warning, so that a careless {@code chmod} does not lock every manager out of a running site.
 * A file that is removed has no managers, as at start.
 */
public final class ManagerFile {

    private static final Logger logger = LoggerFactory.getLogger(ManagerFile.class);

    private final Path path;

    private volatile Read current;

    /**
     * Reads the file.
     *
     * @throws InitUserFileException if it cannot be read
     */
    public ManagerFile(Path path) {
        this.path = path;
        Stamp stamp = Stamp.of(path);
        this.current = new Read(InitUserFile.read(path), stamp);
        current.users().unknownUserHash();
    }

    /** The managers as the file holds them now; the same value until the file changes. */
    public InitUserFile users() {
        Read read = current;
        Stamp now = Stamp.of(path);
        if (!now.equals(read.stamp())) {
            read = reread(now);
        }
        return read.users();
    }

    public Path path() {
        return path;
    }

    private synchronized Read reread(Stamp now) {
        Read read = current;
        if (now.equals(read.stamp())) {
            return read;
        }
        try {
            // The stamp is taken before the read: a change during the read is seen again at the next login.
            read = new Read(InitUserFile.read(path), now);
            read.users().unknownUserHash();
            logger.info("Read the managers' file {} again: {} managers", path.toAbsolutePath(), read.users().size());
        }
        catch (InitUserFileException ex) {
            read = new Read(read.users(), now);
            logger.warn("{}; the managers read before are kept until it changes again", ex.getMessage());
        }
        current = read;
        return read;
    }

    private record Read(InitUserFile users, Stamp stamp) {
    }

    /** What tells that the file changed without reading it; the fields are null while it does not exist. */
    private record Stamp(FileTime modified, long size, Object fileKey) {

        private static final Object UNREADABLE = new Object();

        static Stamp of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            }
            catch (NoSuchFileException ex) {
                return new Stamp(null, -1, null);
            }
            catch (IOException ex) {
                // Unreadable attributes: a stamp of its own, so that the read says once what is wrong.
                return new Stamp(null, -2, UNREADABLE);
            }
        }

    }

}
