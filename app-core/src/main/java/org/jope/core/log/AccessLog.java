package org.jope.core.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request, through SLF4J at INFO, to the logger {@value #LOGGER_NAME}, as Paste's translogger
 * writes to its logger. Where the line ends up (a rolling file, the console) is the logging system's business.
 *
 * <p>The line goes to the logger as the builder the formatter filled, not as a String: an appender that writes it
 * to a file can copy its characters straight into the file's buffer, and any other appender formats the message as
 * usual. The builder is made for this one line and never reused, so an appender that keeps the event keeps its line.
 */
public final class AccessLog {

    public static final String LOGGER_NAME = "jope.access";

    /** The message whose one argument is the whole line. */
    public static final String LINE = "{}";

    private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

    private final AccessLogFormatter formatter;

    public AccessLog(AccessLogFormatter formatter) {
        this.formatter = formatter;
    }

    public void log(AccessEvent event) {
        if (logger.isInfoEnabled()) {
            StringBuilder line = new StringBuilder(256);
            formatter.formatTo(line, event);
            logger.info(LINE, line);
        }
    }

}
