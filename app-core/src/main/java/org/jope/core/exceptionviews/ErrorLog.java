package org.jope.core.exceptionviews;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.errors.HttpError;
import org.jope.core.store.ConflictError;
import org.jope.core.store.StoreUnavailable;

/**
 * The one place an unhandled error is logged, whether an exception view or, in debug-exceptions mode, the
 * outermost filter answers it: once, with its error id, and only when it is a fault of the site. An HTTP error, a
 * conflict that outlived its retries and a busy store answer the client; they are not faults.
 */
public final class ErrorLog {

    private static final Logger logger = LoggerFactory.getLogger(ErrorLog.class);

    private ErrorLog() {
    }

    public static boolean isFault(Throwable error) {
        return !(error instanceof HttpError || error instanceof ConflictError || error instanceof StoreUnavailable);
    }

    /** Logs the error with its report, if it is a fault. */
    public static void logFault(ErrorReport report, Throwable error) {
        if (isFault(error)) {
            logger.error("Error id {} on {} {} (user {})", report.errorId(), report.method(), report.path(),
                    report.user() != null ? report.user() : "anonymous", error);
        }
    }

}
