package org.jope.autoconfigure.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code jope.watchdog.*} properties: when the server counts as stalled. The seed's load test found servers that
 * hung for seconds with every worker busy and nothing finishing; the watchdog names that moment in the log.
 */
@ConfigurationProperties("jope.watchdog")
public class StallWatchdogProperties {

    /**
     * Watch for stalls: requests in flight while none has completed for stall-after. It samples on a thread of its
     * own and adds nothing to the request path.
     */
    private boolean enabled = true;

    /**
     * How long requests may be in flight with none completing before the server counts as stalled. A WARN with the
     * oldest worker's stack is then logged once, and jope.stalls counts it.
     */
    private Duration stallAfter = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getStallAfter() {
        return stallAfter;
    }

    public void setStallAfter(Duration stallAfter) {
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("jope.watchdog.stall-after must be positive");
        }
        this.stallAfter = stallAfter;
    }

}
