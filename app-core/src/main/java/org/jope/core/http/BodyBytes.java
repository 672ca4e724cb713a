package org.jope.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body of at most {@link BodyMemory#limit()} into one array, taking every byte from the body's share
 * of {@link BodyMemory} before it is allocated. A declared length is taken before the first byte is read, and read
 * straight into an array of that size; a chunked body is taken a block at a time and cut off with 413 at the first
 * byte past the limit, before a block for it is allocated.
 */
final class BodyBytes {

    /** A chunked body is read in blocks of this many bytes, each taken from the budget before it is allocated. */
    private static final int BLOCK = 64 * 1024;

    private BodyBytes() {
    }

    static byte[] read(InputStream in, long declared, BodyMemory.Share share) throws IOException {
        if (declared >= 0) {
            share.take(declared);
            byte[] bytes = new byte[(int) declared];
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                throw new IOException("The body ended after " + read + " of its " + declared + " bytes");
            }
            return bytes;
        }
        return readChunked(in, share);
    }

    private static byte[] readChunked(InputStream in, BodyMemory.Share share) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        long total = 0;
        while (true) {
            int size = (int) Math.min(BLOCK, share.limit() - total);
            if (size == 0) {
                // At the limit: one more byte makes the body too large, and the end makes it exactly the limit.
                if (in.read() != -1) {
                    throw share.tooLarge();
                }
                break;
            }
            share.take(size);
            byte[] block = new byte[size];
            int read = in.readNBytes(block, 0, size);
            total += read;
            blocks.add(block);
            if (read < size) {
                break;
            }
        }
        // Joining the blocks holds the body twice for a moment; that is still less than the write will need.
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (byte[] block : blocks) {
            int length = (int) Math.min(block.length, total - at);
            System.arraycopy(block, 0, bytes, at, length);
            at += length;
        }
        return bytes;
    }

}
