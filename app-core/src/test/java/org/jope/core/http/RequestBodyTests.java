package org.jope.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.jope.core.errors.BadRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A page's body as UTF-8: checked through many decoder buffers, and no copy when it came as UTF-8. */
class RequestBodyTests {

    private static final int LONG = 50_000;

    @Test
    void aUtf8BodyIsItsOwnBytesOnceChecked() {
        byte[] bytes = ("é€".repeat(LONG / 5) + "\uD83D\uDE00").getBytes(StandardCharsets.UTF_8);
        RequestBody body = new RequestBody(bytes, "text/plain", StandardCharsets.UTF_8);

        assertThat(body.utf8()).isSameAs(bytes);
    }

    @Test
    void aBadByteFarIntoALongBodyIsFound() {
        byte[] bytes = "a".repeat(LONG).getBytes(StandardCharsets.US_ASCII);
        bytes[LONG - 10] = (byte) 0xFF;

        assertThatExceptionOfType(BadRequest.class)
                .isThrownBy(() -> new RequestBody(bytes, "text/plain", StandardCharsets.UTF_8).utf8())
                .withMessage("The body is not valid UTF-8");
    }

    @Test
    void aSequenceCutAtTheEndIsFound() {
        byte[] bytes = Arrays.copyOf("a".repeat(LONG).getBytes(StandardCharsets.US_ASCII), LONG + 2);
        bytes[LONG] = (byte) 0xE2;
        bytes[LONG + 1] = (byte) 0x82;

        assertThatExceptionOfType(BadRequest.class)
                .isThrownBy(() -> new RequestBody(bytes, "text/plain", StandardCharsets.UTF_8).utf8());
    }

    @Test
    void anotherCharsetIsDecodedAndEncodedAsUtf8() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(new RequestBody(latin1, "text/plain", StandardCharsets.ISO_8859_1).utf8())
                .isEqualTo("café".getBytes(StandardCharsets.UTF_8));
    }

}
