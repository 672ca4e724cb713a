package org.jope.autoconfigure.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The framing of chunked bodies, read whole and in every split a network can make of it: what RFC 9112 allows
 * decodes the same whatever the split, and what it does not is refused, never read as the end of the body.
 */
class ChunkedBodyFramingTests {

    @Test
    void aBodyDecodesTheSameInEverySplit() throws Exception {
        String body = "5\r\nhello\r\nA;name=value;flag\r\n, chunked!\r\n1 \t;x\r\n.\r\n0\r\nX-Sum: 12 \r\n\r\n";
        for (int split = 1; split <= body.length(); split++) {
            Decoded decoded = decode(body + "GET / HTTP/1.1\r\n", split);

            assertThat(decoded.data).as("split %d", split).isEqualTo("hello, chunked!.");
            assertThat(decoded.trailers).containsExactly(Map.entry("X-Sum", "12"));
            assertThat(decoded.after).as("the next request is left whole").isEqualTo("GET / HTTP/1.1\r\n");
        }
    }

    @Test
    void anUpperCaseSizeAndAnEmptyBodyDecode() throws Exception {
        assertThat(decode("B\r\n0123456789A\r\n0\r\n\r\n", 3).data).isEqualTo("0123456789A");
        assertThat(decode("0\r\n\r\n", 1).data).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "zz\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n", // a size that is not hexadecimal is no last chunk
        "\r\nhello\r\n0\r\n\r\n", // no size at all
        "0x5\r\nhello\r\n0\r\n\r\n",
        "-5\r\nhello\r\n0\r\n\r\n",
        "5 x\r\nhello\r\n0\r\n\r\n",
        "5\nhello\r\n0\r\n\r\n", // a bare LF ends no line
        "5\r\nhelloX\r\n0\r\n\r\n", // data longer than its size
        "5\r\nhello\rX0\r\n\r\n",
        "5;a\u0001b\r\nhello\r\n0\r\n\r\n",
        "5;a\rb\r\nhello\r\n0\r\n\r\n",
        "1000000000000000\r\n", // sixteen digits
        "0\r\nhello\r\n\r\n", // a trailer field without a name
        "0\r\n: value\r\n\r\n",
        "0\r\nX Y: value\r\n\r\n",
        "0\r\nX: a\u0000b\r\n\r\n",
        "0\r\n\rX",
    })
    void aMalformedBodyIsRefusedInEverySplit(String body) {
        for (int split = 1; split <= body.length(); split++) {
            int each = split;
            assertThatExceptionOfType(MalformedChunkException.class).as("split %d of %s", split, body)
                    .isThrownBy(() -> decode(body, each));
        }
    }

    @Test
    void extensionsAndTrailersAreBoundedAsTomcatBoundsThem() throws Exception {
        String extension = "x".repeat(ChunkedBodyFraming.MAX_EXTENSION_BYTES);
        assertThat(decode("1;" + extension.substring(1) + "\r\n.\r\n0\r\n\r\n", 4096).data).isEqualTo(".");
        assertThatExceptionOfType(MalformedChunkException.class)
                .isThrownBy(() -> decode("1;" + extension + "x\r\n.\r\n0\r\n\r\n", 4096))
                .withMessageContaining("extensions exceed");

        String trailer = "X: " + "v".repeat(ChunkedBodyFraming.MAX_TRAILER_BYTES);
        assertThatExceptionOfType(MalformedChunkException.class)
                .isThrownBy(() -> decode("0\r\n" + trailer + "\r\n\r\n", 4096))
                .withMessageContaining("trailer section exceeds");
    }

    @Test
    void aBodyThatHasNotEndedSaysSo() throws Exception {
        Decoded decoded = decode("5\r\nhel", 2);
        assertThat(decoded.data).isEqualTo("hel");
        assertThat(decoded.ended).isFalse();
    }

    /** Feeds {@code body} in pieces of {@code split} bytes, as the conduit does, taking each chunk's data. */
    private static Decoded decode(String body, int split) throws MalformedChunkException {
        Map<String, String> trailers = new LinkedHashMap<>();
        ChunkedBodyFraming framing = new ChunkedBodyFraming(trailers::put);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        for (int start = 0; start < bytes.length && !framing.ended(); start += split) {
            ByteBuffer raw = ByteBuffer.wrap(bytes, start, Math.min(split, bytes.length - start));
            long available;
            while ((available = framing.advance(raw)) > 0 && raw.hasRemaining()) {
                int taken = (int) Math.min(available, raw.remaining());
                data.write(bytes, raw.position(), taken);
                raw.position(raw.position() + taken);
                framing.consumed(taken);
            }
            if (framing.ended()) {
                String after = new String(bytes, raw.position(), bytes.length - raw.position(),
                        StandardCharsets.ISO_8859_1);
                return new Decoded(data.toString(StandardCharsets.ISO_8859_1), trailers, after, true);
            }
        }
        return new Decoded(data.toString(StandardCharsets.ISO_8859_1), trailers, "", false);
    }

    private record Decoded(String data, Map<String, String> trailers, String after, boolean ended) {
    }

}
