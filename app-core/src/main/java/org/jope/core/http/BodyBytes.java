package org.jope.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One request body of at most {@link BodyMemory#limit()} as its bytes arrive, read whole into one array, with every
 * byte taken from the body's share of {@link BodyMemory} before it is allocated. The bytes may come from a stream,
 * blocking or not ({@link #readFrom}), or be handed over by a container that reads them itself ({@link #append}).
 *
 * <p>A body of a login that has been checked, and that declares its length, is taken whole before its first byte
 * and read straight into an array of that size ({@link #of}). Any other body is taken a block at a time as it
 * arrives ({@link #asItArrives}), so that a body declared large but never sent holds nothing of the budget; a
 * chunked body is cut off with 413 at the first byte past the limit, before a block for it is allocated.
 */
public final class BodyBytes {

    /** A body read a block at a time takes blocks of this many bytes, each from the budget before it is allocated. */
    private static final int BLOCK = 64 * 1024;

    private final BodyMemory.Share share;

    private final long declared;

    /** The most bytes this body may have: its declared length, or the limit when it is chunked. */
    private final long capacity;

    private final List<byte[]> blocks = new ArrayList<>();

    private byte[] block;

    private int at;

    private long total;

    private BodyBytes(long declared, BodyMemory.Share share) {
        this.share = share;
        this.declared = declared;
        this.capacity = declared >= 0 ? declared : share.limit();
    }

    /** A body whose declared length, if it has one, is taken from the budget now and read into one array. */
    public static BodyBytes of(long declared, BodyMemory.Share share) {
        BodyBytes body = new BodyBytes(declared, share);
        if (declared > share.limit()) {
            throw share.tooLarge();
        }
        if (declared >= 0) {
            share.take(declared);
            body.startBlock(new byte[(int) declared]);
        }
        return body;
    }

    /** A body taken from the budget a block at a time as it arrives, whether or not it declares its length. */
    public static BodyBytes asItArrives(long declared, BodyMemory.Share share) {
        if (declared > share.limit()) {
            throw share.tooLarge();
        }
        return new BodyBytes(declared, share);
    }

    /** Reads the whole body from a blocking stream. */
    byte[] readAll(InputStream in) throws IOException {
        while (readFrom(in) >= 0) {
            // each call reads what one read of the stream gives
        }
        return bytes();
    }

    /**
     * Reads once from {@code in} into the body: what a blocking stream gives in one read, or what a non-blocking
     * one has ready.
     *
     * @return the bytes read, or -1 at the end of the body
     */
    public int readFrom(InputStream in) throws IOException {
        if (total == capacity) {
            // Full: the end makes the body whole, and one more byte makes a chunked body too large.
            int read = in.read();
            if (read >= 0) {
                throw share.tooLarge();
            }
            return -1;
        }
        makeRoom();
        int read = in.read(block, at, block.length - at);
        if (read > 0) {
            at += read;
            total += read;
        }
        return read;
    }

    /** Copies bytes that the container has read into the body. */
    public void append(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            if (total == capacity) {
                throw share.tooLarge();
            }
            makeRoom();
            int length = Math.min(bytes.remaining(), block.length - at);
            bytes.get(block, at, length);
            at += length;
            total += length;
        }
    }

    /** The body once it has all arrived; an IOException if it ended before its declared length. */
    public byte[] bytes() throws IOException {
        if (declared >= 0 && total < declared) {
            throw new IOException("The body ended after " + total + " of its " + declared + " bytes");
        }
        if (blocks.size() == 1 && block.length == total) {
            return block;
        }
        // Joining the blocks holds the body twice for a moment; that is still less than its write will need.
        byte[] bytes = new byte[(int) total];
        int offset = 0;
        for (byte[] each : blocks) {
            int length = (int) Math.min(each.length, total - offset);
            System.arraycopy(each, 0, bytes, offset, length);
            offset += length;
        }
        return bytes;
    }

    private void makeRoom() {
        if (block == null || at == block.length) {
            int size = (int) Math.min(BLOCK, capacity - total);
            share.take(size);
            startBlock(new byte[size]);
        }
    }

    private void startBlock(byte[] next) {
        blocks.add(next);
        block = next;
        at = 0;
    }

}
