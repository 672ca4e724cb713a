package org.jope.core.store;

import java.nio.file.Path;

/**
 * Another process, or another application in this one, already has the embedded store open. Like FileStorage's
 * "Couldn't lock", it names the lock file and the pid written in it.
 */
public class StoreLockedException extends RuntimeException {

    private final Path lockFile;

    private final String holderPid;

    public StoreLockedException(Path lockFile, String holderPid) {
        super("Couldn't lock " + lockFile + ": the embedded store is in use by process " + holderPid);
        this.lockFile = lockFile;
        this.holderPid = holderPid;
    }

    public Path lockFile() {
        return lockFile;
    }

    /** The pid in the lock file, as written by the holder; "unknown" if it could not be read. */
    public String holderPid() {
        return holderPid;
    }

}
