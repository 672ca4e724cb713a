package org.jope.autoconfigure.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warning for an Undertow older than its strict request parser (2.3.25.Final, and every 2.4): before it, a bare
 * CR inside a header ended the header line, so that what followed was read as a header of its own, and
 * CVE-2026-28367, -28368 and -28369 (request smuggling) are open. Jope's build pins a later Undertow, but Boot 3.5
 * manages 2.3.24.Final, and a site whose build takes Boot's versions gets that one.
 */
final class UndertowVersionWarning {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\..*");

    private UndertowVersionWarning() {
    }

    /** The warning for this version string, as {@code io.undertow.Version} gives it; none for one it cannot read. */
    static Optional<String> of(String version) {
        Matcher parts = VERSION.matcher(version);
        if (!parts.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(parts.group(1));
        int minor = Integer.parseInt(parts.group(2));
        int micro = Integer.parseInt(parts.group(3));
        boolean strict = major > 2 || (major == 2 && (minor > 3 || (minor == 3 && micro >= 25)));
        if (strict) {
            return Optional.empty();
        }
        return Optional.of("Undertow " + version + " predates its strict request parser (2.3.25.Final): a bare CR in"
                + " a request header is read as the end of the header line, and CVE-2026-28367, -28368 and -28369"
                + " are open. Set the Maven property undertow.version to 2.3.26.Final or later (with Boot's"
                + " dependency management, Gradle's ext['undertow.version']).");
    }

}
