package org.jope.autoconfigure.web;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * The framing of a chunked request body (RFC 9112, 7.1), read as strictly as Tomcat and Jetty read it: a chunk size
 * is one or more hexadecimal digits, every line ends in CRLF, the data of a chunk is followed by CRLF, and a trailer
 * field is a name and a value. Anything else is a {@link MalformedChunkException}. Chunk extensions are skipped, as
 * the servlet API has no place for them; they and the trailer section are each bounded as Tomcat bounds them, so
 * that a body cannot be framing without end. It only reads framing: the caller copies each chunk's data from the
 * same buffer and says how much it took ({@link #consumed}).
 */
final class ChunkedBodyFraming {

    /** Tomcat's maxExtensionSize and maxTrailerSize: the bytes of all chunk extensions, and of the trailer section. */
    static final int MAX_EXTENSION_BYTES = 8192;

    static final int MAX_TRAILER_BYTES = 8192;

    /** Fifteen hexadecimal digits are 2^60 bytes, more than any body; a longer size is an overflow in the making. */
    private static final int MAX_SIZE_DIGITS = 15;

    private enum State {
        SIZE_START, SIZE, SIZE_SPACE, EXTENSION, SIZE_LINE_END, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER,
        TRAILER_LINE_END, END_LF, ENDED
    }

    private final BiConsumer<String, String> trailers;

    private State state = State.SIZE_START;

    /** The size being read, then what is left of the chunk's data. */
    private long remaining;

    private int digits;

    private int extensionBytes;

    private int trailerBytes;

    private final StringBuilder trailerLine = new StringBuilder();

    /** @param trailers given each trailer field's name and value, once its line has been read whole */
    ChunkedBodyFraming(BiConsumer<String, String> trailers) {
        this.trailers = trailers;
    }

    /**
     * Reads framing from {@code raw} until the data of a chunk, or the end of the body. Returns how many bytes of data
     * follow (the rest of the current chunk, which may not all have arrived yet), 0 when {@code raw} ran out first,
     * and -1 once the body has ended: what is left in {@code raw} then belongs to the next request.
     */
    long advance(ByteBuffer raw) throws MalformedChunkException {
        while (state != State.DATA && state != State.ENDED && raw.hasRemaining()) {
            step(raw.get());
        }
        if (state == State.DATA) {
            return remaining;
        }
        return (state == State.ENDED) ? -1 : 0;
    }

    /** The caller took this many bytes of the current chunk's data, at most what {@link #advance} returned. */
    void consumed(long bytes) {
        remaining -= bytes;
        if (remaining == 0) {
            state = State.DATA_CR;
        }
    }

    boolean ended() {
        return state == State.ENDED;
    }

    private void step(byte b) throws MalformedChunkException {
        switch (state) {
            case SIZE_START -> {
                if (Character.digit(b, 16) < 0) {
                    throw new MalformedChunkException("a chunk size is not hexadecimal");
                }
                digits = 0;
                remaining = 0;
                addDigit(b);
                state = State.SIZE;
            }
            case SIZE -> {
                if (Character.digit(b, 16) >= 0) {
                    addDigit(b);
                }
                else {
                    afterSize(b);
                }
            }
            case SIZE_SPACE -> afterSize(b);
            case EXTENSION -> {
                if (b == '\r') {
                    state = State.SIZE_LINE_END;
                    return;
                }
                rejectControl(b, "a chunk extension");
                if (++extensionBytes > MAX_EXTENSION_BYTES) {
                    throw new MalformedChunkException("the chunk extensions exceed " + MAX_EXTENSION_BYTES + " bytes");
                }
            }
            case SIZE_LINE_END -> {
                expect(b, '\n', "a chunk size line ends without CRLF");
                state = (remaining == 0) ? State.TRAILER_START : State.DATA;
            }
            case DATA_CR -> {
                expect(b, '\r', "a chunk's data is longer than its size");
                state = State.DATA_LF;
            }
            case DATA_LF -> {
                expect(b, '\n', "a chunk's data is not followed by CRLF");
                state = State.SIZE_START;
            }
            case TRAILER_START -> {
                if (b == '\r') {
                    state = State.END_LF;
                    return;
                }
                state = State.TRAILER;
                addToTrailer(b);
            }
            case TRAILER -> {
                if (b == '\r') {
                    state = State.TRAILER_LINE_END;
                    return;
                }
                addToTrailer(b);
            }
            case TRAILER_LINE_END -> {
                expect(b, '\n', "a trailer field ends without CRLF");
                endTrailerField();
                state = State.TRAILER_START;
            }
            case END_LF -> {
                expect(b, '\n', "the body's last line ends without CRLF");
                state = State.ENDED;
            }
            default -> throw new IllegalStateException("no framing to read in " + state);
        }
    }

    private void addDigit(byte b) throws MalformedChunkException {
        if (++digits > MAX_SIZE_DIGITS) {
            throw new MalformedChunkException("a chunk size is too large");
        }
        remaining = (remaining << 4) + Character.digit(b, 16);
    }

    /** After the size: spaces (RFC 9112's BWS) and then an extension, or the end of the line. */
    private void afterSize(byte b) throws MalformedChunkException {
        if (b == ';') {
            state = State.EXTENSION;
        }
        else if (b == ' ' || b == '\t') {
            state = State.SIZE_SPACE;
        }
        else if (b == '\r') {
            state = State.SIZE_LINE_END;
        }
        else {
            throw new MalformedChunkException("a chunk size is not hexadecimal");
        }
    }

    private void addToTrailer(byte b) throws MalformedChunkException {
        rejectControl(b, "a trailer field");
        if (++trailerBytes > MAX_TRAILER_BYTES) {
            throw new MalformedChunkException("the trailer section exceeds " + MAX_TRAILER_BYTES + " bytes");
        }
        trailerLine.append((char) (b & 0xff));
    }

    private void endTrailerField() throws MalformedChunkException {
        int colon = trailerLine.indexOf(":");
        if (colon <= 0 || !isToken(trailerLine, colon)) {
            throw new MalformedChunkException("a trailer field has no name");
        }
        trailers.accept(trailerLine.substring(0, colon), trailerLine.substring(colon + 1).strip());
        trailerLine.setLength(0);
    }

    private static boolean isToken(CharSequence line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean tokenChar = (c > 0x20 && c < 0x7f) && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!tokenChar) {
                return false;
            }
        }
        return true;
    }

    /** A bare CR or LF, a NUL or any other control byte but HTAB, inside a line, ends no line: it is refused. */
    private static void rejectControl(byte b, String where) throws MalformedChunkException {
        if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
            throw new MalformedChunkException(where + " holds a control character");
        }
    }

    private static void expect(byte b, char expected, String otherwise) throws MalformedChunkException {
        if (b != expected) {
            throw new MalformedChunkException(otherwise);
        }
    }

}
