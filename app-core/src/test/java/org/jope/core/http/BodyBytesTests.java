package org.jope.core.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import org.jope.core.errors.PayloadTooLarge;
import org.jope.core.errors.ServiceUnavailable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A body read before its login is checked takes the budget as its bytes arrive, not as its length is declared. */
class BodyBytesTests {

    private static final long MB = 1 << 20;

    @Test
    void aBodyReadAsItArrivesHoldsOnlyTheBlocksItsBytesFill() throws IOException {
        BodyMemory memory = new BodyMemory(4 * MB, 1024 * MB, 512 * MB);
        try (BodyMemory.Share share = memory.share()) {
            BodyBytes body = BodyBytes.asItArrives(3 * MB, share);
            assertThat(memory.held()).as("nothing for a declared length alone").isZero();

            body.append(ByteBuffer.wrap(new byte[100]));
            assertThat(memory.held()).isEqualTo(64 * 1024);

            body.append(ByteBuffer.wrap(new byte[(int) (3 * MB) - 100]));
            assertThat(body.bytes()).hasSize((int) (3 * MB));
        }
        assertThat(memory.held()).isZero();
    }

    @Test
    void aDeclaredBodyTakenWholeHoldsItsLengthBeforeItsFirstByte() {
        BodyMemory memory = new BodyMemory(4 * MB, 1024 * MB, 512 * MB);
        try (BodyMemory.Share share = memory.share()) {
            BodyBytes.of(3 * MB, share);
            assertThat(memory.held()).isEqualTo(3 * MB);
            assertThatExceptionOfType(ServiceUnavailable.class)
                    .isThrownBy(() -> BodyBytes.of(2 * MB, memory.share()));
        }
    }

    @Test
    void aChunkedBodyAppendedPastTheLimitIs413AndOneThatEndsShortIsAnError() {
        BodyMemory memory = new BodyMemory(100_000L, 1024 * MB, 512 * MB);
        try (BodyMemory.Share share = memory.share()) {
            BodyBytes body = BodyBytes.asItArrives(-1, share);
            body.append(ByteBuffer.wrap(new byte[100_000]));
            assertThatExceptionOfType(PayloadTooLarge.class)
                    .isThrownBy(() -> body.append(ByteBuffer.wrap(new byte[1])));
        }
        try (BodyMemory.Share share = memory.share()) {
            BodyBytes body = BodyBytes.asItArrives(50, share);
            body.append(ByteBuffer.wrap(new byte[20]));
            assertThatExceptionOfType(IOException.class).isThrownBy(body::bytes);
        }
        assertThat(memory.held()).isZero();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByte() {
        BodyMemory memory = new BodyMemory(100_000L, 1024 * MB, 512 * MB);
        try (BodyMemory.Share share = memory.share()) {
            assertThatExceptionOfType(PayloadTooLarge.class).isThrownBy(() -> BodyBytes.asItArrives(100_001, share));
            assertThatExceptionOfType(PayloadTooLarge.class).isThrownBy(() -> BodyBytes.of(100_001, share));
        }
        assertThat(memory.held()).isZero();
    }

}
