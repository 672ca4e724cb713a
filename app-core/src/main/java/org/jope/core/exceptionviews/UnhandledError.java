package org.jope.core.exceptionviews;

/** An exception that left the publisher in debug-exceptions mode, with the report that names it in the log. */
public record UnhandledError(ErrorReport report, RuntimeException error) {
}
