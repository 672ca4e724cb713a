package org.jope.autoconfigure.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The stalls the watchdog has seen, as {@code jope.stalls}. */
class StallMetrics implements MeterBinder {

    private final StallWatchdog watchdog;

    StallMetrics(StallWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("jope.stalls", watchdog, StallWatchdog::stalls)
                .description("Times requests were in flight while none completed for jope.watchdog.stall-after")
                .register(registry);
    }

}
