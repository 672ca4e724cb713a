package org.jope.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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
import org.jope.core.errors.PayloadTooLarge;
import org.jope.core.errors.RequestTimeout;

/**
 * A request body, read whole before the transaction starts so that a conflict retry can use it again. The size
 * limit holds for a declared length and for a chunked body alike. A body that stalls is a 408, one that cannot be
 * read (cut off, malformed) a 400.
 */
public record RequestBody(byte[] bytes, String mimeType, Charset charset) {

    private static final Logger logger = LoggerFactory.getLogger(RequestBody.class);

    public static RequestBody read(HttpServletRequest request, long limit) {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new PayloadTooLarge(limit);
        }
        String contentType = request.getContentType();
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
            if (in.read() != -1) {
                throw new PayloadTooLarge(limit);
            }
            return new RequestBody(bytes, mimeType(contentType), charset(contentType));
        }
        catch (IOException ex) {
            if (isTimeout(ex)) {
                throw new RequestTimeout();
            }
            // A client that hung up mid-body, or a malformed chunk: the client's doing, so one line, no trace.
            logger.info("The body of {} {} could not be read ({}); answered 400", request.getMethod(),
                    Encode.forJava(request.getRequestURI()), ex.toString());
            throw new BadRequest("The request body could not be read: it was cut off or malformed");
        }
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
