package org.jope.core.publisher;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Discards the body of a request that goes asynchronous without reading it, as its bytes arrive and on the
 * container's own I/O, so that no thread waits for a client that sends its body slowly or never. Up to a limit: a
 * client that sends more is not worth reading, and its answer closes the connection instead.
 */
final class BodyDrain implements ReadListener {

    /** A few packets: the bodies of logins that are refused are a guesser's, and small. */
    private static final int LIMIT = 64 * 1024;

    private final ServletInputStream in;

    private final byte[] buffer = new byte[4096];

    private long discarded;

    private volatile boolean finished;

    private BodyDrain(ServletInputStream in) {
        this.in = in;
    }

    /**
     * Starts discarding the body of a request that has gone asynchronous.
     *
     * @return the drain, or null when the body was already taken as a reader and cannot be drained
     */
    static BodyDrain start(HttpServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            BodyDrain drain = new BodyDrain(in);
            in.setReadListener(drain);
            return drain;
        }
        catch (IOException | IllegalStateException ex) {
            return null;
        }
    }

    /** Whether the whole body arrived, so that the connection can serve another request. */
    boolean finished() {
        return finished;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (discarded <= LIMIT && in.isReady()) {
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            discarded += read;
        }
    }

    @Override
    public void onAllDataRead() {
        finished = true;
    }

    @Override
    public void onError(Throwable failure) {
        // Not finished: the answer closes the connection, which is all a broken body needs.
    }

}
