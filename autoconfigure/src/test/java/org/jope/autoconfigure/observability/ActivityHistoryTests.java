package org.jope.autoconfigure.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity history keeps the latest samples, oldest first, and drops the oldest when full. */
class ActivityHistoryTests {

    @Test
    void keepsTheLatestSamplesOldestFirst() {
        ActivityHistory history = new ActivityHistory(3);
        assertThat(history.samples()).isEmpty();
        for (int second = 1; second <= 5; second++) {
            history.add(new ActivitySample(second * 1000L, second, second));
        }
        assertThat(history.samples()).extracting(ActivitySample::epochMillis).containsExactly(3000L, 4000L, 5000L);
        assertThat(history.capacity()).isEqualTo(3);
    }

    @Test
    void aPartlyFilledHistoryHoldsWhatCameIn() {
        ActivityHistory history = new ActivityHistory(3);
        history.add(new ActivitySample(1000L, 1.5, null));
        assertThat(history.samples()).containsExactly(new ActivitySample(1000L, 1.5, null));
    }

}
