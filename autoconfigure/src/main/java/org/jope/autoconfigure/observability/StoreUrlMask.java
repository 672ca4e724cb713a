package org.jope.autoconfigure.observability;

import java.util.regex.Pattern;

/**
 * A store URL fit to show: passwords in it are replaced by {@value #MASK}. JDBC drivers take a password in the user
 * info ({@code //user:secret@host}) and as an option ({@code ?password=secret}, H2's {@code ;PASSWORD=secret},
 * PostgreSQL's {@code sslpassword=secret}).
 */
final class StoreUrlMask {

    static final String MASK = "******";

    /** Up to the last @ before the path, so that a password holding an @ is masked whole. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#]*@");

    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)(\\b[a-z]*(?:password|passwd|pwd)=)[^&;]*");

    private StoreUrlMask() {
    }

    static String mask(String url) {
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:" + MASK + "@");
        return PASSWORD_OPTION.matcher(masked).replaceAll("$1" + MASK);
    }

}
