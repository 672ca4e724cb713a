package org.jope.core.security;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import org.jope.core.errors.ServiceUnavailable;

/**
 * Runs the password checks on a bounded share of the request threads. A bcrypt check is tens of milliseconds of
 * CPU, so a flood of logins with wrong passwords from many addresses (which the throttle lets through a few at a
 * time each) would otherwise take every worker and every core. At most {@link #HASHING} checks run at once, half
 * the cores; as many more requests may wait, for their turn or for the answer of a check of the same login; a login
 * beyond those is answered 503 with Retry-After at once. The site's default 4 workers therefore always keep two for
 * reads.
 */
final class PasswordHashing {

    /** Password checks at once: half the cores, at least one. */
    static final int HASHING = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /** Requests in a password check or waiting for one. */
    static final int ADMITTED = 2 * HASHING;

    private final Semaphore admitted = new Semaphore(ADMITTED);

    private final Semaphore hashing = new Semaphore(HASHING, true);

    private final LongAdder checks = new LongAdder();

    /**
     * Lets a login that the cache does not know wait for a check, or refuses it at once: every request that waits
     * for a check or runs one holds a worker thread, so their number is bounded.
     *
     * @param login waits for {@link #check} or for another request's check, and gives the answer
     * @throws ServiceUnavailable when too many logins run or wait already
     */
    boolean admit(BooleanSupplier login) {
        if (!admitted.tryAcquire()) {
            throw new ServiceUnavailable("Too many logins are being checked at once.");
        }
        try {
            return login.getAsBoolean();
        }
        finally {
            admitted.release();
        }
    }

    /** Runs one password check, such as {@link InitUserFile#verify}, when its turn comes; within {@link #admit}. */
    boolean check(BooleanSupplier passwordCheck) {
        try {
            hashing.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("The request was interrupted while its login waited to be checked.");
        }
        try {
            checks.increment();
            return passwordCheck.getAsBoolean();
        }
        finally {
            hashing.release();
        }
    }

    long checks() {
        return checks.sum();
    }

    /** Requests in a check or waiting for one now. */
    int admitted() {
        return ADMITTED - admitted.availablePermits();
    }

}
