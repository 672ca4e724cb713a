package org.jope.autoconfigure.web;

import java.io.IOException;

/**
 * A chunked request body whose framing breaks RFC 9112: an I/O failure of the client's making, which the reader of
 * the body answers 400 as it answers a body cut off.
 */
final class MalformedChunkException extends IOException {

    MalformedChunkException(String what) {
        super("malformed chunked body: " + what);
    }

}
