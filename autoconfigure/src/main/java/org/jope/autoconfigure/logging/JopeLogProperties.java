package org.jope.autoconfigure.logging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.util.unit.DataSize;

/**
 * The {@code jope.log.*} properties: the access log (Paste's translogger, Zope's Z4.log) and the event log (Zope's
 * event.log). Files roll daily and by size through Logback; relative paths resolve against the working directory,
 * which is the instance directory when the site is started there.
 */
@ConfigurationProperties("jope.log")
public class JopeLogProperties {

    private final Access access = new Access();

    private final Event event = new Event();

    public Access getAccess() {
        return access;
    }

    public Event getEvent() {
        return event;
    }

    public static class Access {

        /**
         * Write one line per request, on every container, through the logger jope.access. The containers' own access
         * logs (server.tomcat.accesslog and the like) stay off.
         */
        private boolean enabled = true;

        /**
         * The line format: combined (Apache combined, the default), common, json (one object a line), or a pattern
         * of mod_log_config tokens such as %h %u %t "%r" %>s %b %D (docs/logging.md lists them).
         */
        private String format = "combined";

        /** The access log file; it rolls daily and by size. Empty for no file. */
        private String file = "var/log/access.log";

        /** Also write the access lines to the console. */
        private boolean console;

        /** Days of rolled access log files to keep; 0 keeps them all. */
        private int maxHistory = 14;

        /** Size at which the access log file rolls over before the day ends. */
        private DataSize maxFileSize = DataSize.ofMegabytes(100);

        /** Total size of rolled access log files to keep; the oldest go first. 0 for no cap. */
        private DataSize totalSizeCap = DataSize.ofGigabytes(1);

        /**
         * How long an access line may wait in the file's buffer before it is written to disk. Request threads only
         * copy their line into the buffer, which keeps the access log cheap; 0 writes every line at once.
         */
        private Duration flushInterval = Duration.ofSeconds(1);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getFormat() {
            return format;
        }

        public void setFormat(String format) {
            this.format = format;
        }

        public String getFile() {
            return file;
        }

        public void setFile(String file) {
            this.file = file;
        }

        public boolean isConsole() {
            return console;
        }

        public void setConsole(boolean console) {
            this.console = console;
        }

        public int getMaxHistory() {
            return maxHistory;
        }

        public void setMaxHistory(int maxHistory) {
            if (maxHistory < 0) {
                throw new IllegalArgumentException("jope.log.access.max-history must not be negative");
            }
            this.maxHistory = maxHistory;
        }

        public DataSize getMaxFileSize() {
            return maxFileSize;
        }

        public void setMaxFileSize(DataSize maxFileSize) {
            if (maxFileSize.toBytes() <= 0) {
                throw new IllegalArgumentException("jope.log.access.max-file-size must be more than 0");
            }
            this.maxFileSize = maxFileSize;
        }

        public DataSize getTotalSizeCap() {
            return totalSizeCap;
        }

        public void setTotalSizeCap(DataSize totalSizeCap) {
            this.totalSizeCap = totalSizeCap;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            if (flushInterval.isNegative()) {
                throw new IllegalArgumentException("jope.log.access.flush-interval must not be negative");
            }
            this.flushInterval = flushInterval;
        }

    }

    public static class Event {

        /**
         * The level of the root logger, and so the least level that reaches the event log. An explicit
         * logging.level.root wins, as the demo's -q sets it.
         */
        private LogLevel level = LogLevel.INFO;

        /**
         * The event log file, in Zope's format "%d{yyyy-MM-dd HH:mm:ss} %level [%logger:%line][%thread] %msg"; it
         * rolls daily and by size. Empty for no file. The console keeps Spring Boot's format.
         */
        private String file = "var/log/event.log";

        /** Days of rolled event log files to keep; 0 keeps them all. */
        private int maxHistory = 14;

        /** Size at which the event log file rolls over before the day ends. */
        private DataSize maxFileSize = DataSize.ofMegabytes(10);

        /** Total size of rolled event log files to keep; the oldest go first. 0 for no cap. */
        private DataSize totalSizeCap = DataSize.ofMegabytes(500);

        public LogLevel getLevel() {
            return level;
        }

        public void setLevel(LogLevel level) {
            this.level = level;
        }

        public String getFile() {
            return file;
        }

        public void setFile(String file) {
            this.file = file;
        }

        public int getMaxHistory() {
            return maxHistory;
        }

        public void setMaxHistory(int maxHistory) {
            if (maxHistory < 0) {
                throw new IllegalArgumentException("jope.log.event.max-history must not be negative");
            }
            this.maxHistory = maxHistory;
        }

        public DataSize getMaxFileSize() {
            return maxFileSize;
        }

        public void setMaxFileSize(DataSize maxFileSize) {
            if (maxFileSize.toBytes() <= 0) {
                throw new IllegalArgumentException("jope.log.event.max-file-size must be more than 0");
            }
            this.maxFileSize = maxFileSize;
        }

        public DataSize getTotalSizeCap() {
            return totalSizeCap;
        }

        public void setTotalSizeCap(DataSize totalSizeCap) {
            this.totalSizeCap = totalSizeCap;
        }

    }

}
