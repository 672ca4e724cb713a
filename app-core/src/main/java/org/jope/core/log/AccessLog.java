package org.jope.core.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request, through SLF4J at INFO, to the logger {@value #LOGGER_NAME}, as Paste's translogger
 * writes to its logger. Where the line ends up (a rolling file, the console) is the logging system's business.
 */
public final class AccessLog {

    public static final String LOGGER_NAME = "jope.access";

    private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

    private final AccessLogFormatter formatter;

    public AccessLog(AccessLogFormatter formatter) {
        this.formatter = formatter;
    }

    public void log(AccessEvent event) {
        if (logger.isInfoEnabled()) {
            logger.info(formatter.format(event));
        }
    }

}
