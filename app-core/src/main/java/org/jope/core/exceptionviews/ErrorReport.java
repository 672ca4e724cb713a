package org.jope.core.exceptionviews;

/** What an exception view may tell about the failed request; the error id is also in the log. */
public record ErrorReport(String errorId, String method, String path, String user) {
}
