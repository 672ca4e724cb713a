package org.jope.autoconfigure.safety;

/** The container runs at least as many request threads as the store has connections. */
public class ThreadsExceedPoolException extends RuntimeException {

    private final int threads;

    private final int poolSize;

    public ThreadsExceedPoolException(int threads, int poolSize) {
        super("The container runs " + threads + " request threads but the store pool has only " + poolSize
                + " connections");
        this.threads = threads;
        this.poolSize = poolSize;
    }

    public int threads() {
        return threads;
    }

    public int poolSize() {
        return poolSize;
    }

}
