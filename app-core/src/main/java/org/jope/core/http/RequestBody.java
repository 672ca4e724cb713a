package org.jope.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.errors.BadRequest;
import org.jope.core.errors.RequestTimeout;

/**
 * A request body, read whole before the transaction starts so that a conflict retry can use it again. The size
 * limit holds for a declared length and for a chunked body alike, and the body's bytes are taken from the request's
 * share of {@link BodyMemory} before they are read. A body that stalls is a 408, one that cannot be read (cut off,
 * malformed) a 400.
 */
public record RequestBody(byte[] bytes, String mimeType, Charset charset) {

    /** What the client is told of a body that could not be read, whichever container found it so. */
    public static final String UNREADABLE = "The request body could not be read: it was cut off or malformed";

    private static final Logger logger = LoggerFactory.getLogger(RequestBody.class);

    /**
     * The request attribute where a container integration that read the body before the request reached the
     * publisher leaves it: its bytes, or the RuntimeException that refused it (a 413, or a 503 when the budget was
     * spent). Such a body's share of {@link BodyMemory} is the integration's to give back.
     */
    public static final String ARRIVED_ATTRIBUTE = "org.jope.arrivedBody";

    /** Reads the body, blocking until it has all arrived, unless a container integration has read it already. */
    public static RequestBody read(HttpServletRequest request, BodyMemory.Share share) {
        Object arrived = request.getAttribute(ARRIVED_ATTRIBUTE);
        if (arrived instanceof RuntimeException refused) {
            throw refused;
        }
        if (arrived instanceof byte[] bytes) {
            return of(request, bytes);
        }
        // Before the stream is opened: on Jetty that sends 100 Continue, which a body over the limit must not get.
        BodyBytes body = BodyBytes.of(request.getContentLengthLong(), share);
        try {
            // Not closed: closing it reads the rest of the body on Undertow, which a 413 leaves unread on purpose.
            InputStream in = request.getInputStream();
            return of(request, body.readAll(in));
        }
        catch (IOException ex) {
            throw unreadable(request, ex);
        }
    }

    /** The body of {@code request}, whose bytes have all arrived. */
    public static RequestBody of(HttpServletRequest request, byte[] bytes) {
        String contentType = request.getContentType();
        return new RequestBody(bytes, mimeType(contentType), charset(contentType));
    }

    /** The answer to a body that could not be read: 408 if the client fell silent, else 400, logged. */
    public static RuntimeException unreadable(HttpServletRequest request, Throwable failure) {
        return unreadable(request.getMethod(), request.getRequestURI(), failure);
    }

    /** As {@link #unreadable(HttpServletRequest, Throwable)}, for a container that reads the body itself. */
    public static RuntimeException unreadable(String method, String uri, Throwable failure) {
        if (isTimeout(failure)) {
            return new RequestTimeout();
        }
        logUnreadable(method, uri, failure);
        return new BadRequest(UNREADABLE);
    }

    /**
     * The event log's one line for a body that could not be read, here or by a container that reads bodies before
     * the publisher: a client that hung up mid-body, or a malformed chunk, is the client's doing, so no trace.
     */
    public static void logUnreadable(String method, String uri, Throwable failure) {
        logger.info("The body of {} {} could not be read ({}); answered 400", method, Encode.forJava(uri),
                failure.toString());
    }

    /**
     * Each container says "the client fell silent" its own way: a SocketTimeoutException (Tomcat), a
     * TimeoutException under an IOException (Jetty), an InterruptedIOException (XNIO's ReadTimeoutException on
     * Undertow).
     */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The body as text; bytes that are not valid in the declared charset are a bad request, not mojibake. */
    public String text() {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            throw new BadRequest("The body is not valid " + charset.name());
        }
    }

    /**
     * The body as UTF-8, checked as {@link #text()} checks it. A body that came as UTF-8 is its own bytes, checked
     * without decoding it whole, so that a large page costs no copy of itself as text.
     */
    public byte[] utf8() {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return text().getBytes(StandardCharsets.UTF_8);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (result.isError() || decoder.flush(out.clear()).isError()) {
            throw new BadRequest("The body is not valid " + charset.name());
        }
        return bytes;
    }

    private static String mimeType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String name = pair[1].strip().replace("\"", "");
                try {
                    return Charset.forName(name);
                }
                catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
                    throw new BadRequest("Unknown charset '" + name + "'");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

}
