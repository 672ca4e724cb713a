package org.jope.autoconfigure;

/** The choices of {@code jope.safety.threads-vs-pool}. */
public enum ThreadsVsPool {

    /** Refuse to start. */
    FAIL,

    /** Start, and log a warning. */
    WARN,

    /** Start, and say nothing. */
    OFF

}
