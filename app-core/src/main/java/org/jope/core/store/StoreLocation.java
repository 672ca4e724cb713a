package org.jope.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.jope.core.store.sql.SqlDialect;

/**
 * What a JDBC URL says about the store behind it: which SQL it speaks, whether it is embedded in this process (one
 * process only, like FileStorage) or shared by several (like ZEO), and for an embedded file, where its files live.
 */
public record StoreLocation(String url, SqlDialect dialect, boolean shared, Optional<Path> databaseFile) {

    private static final String H2_FILE = "jdbc:h2:file:";

    private static final String H2 = "jdbc:h2:";

    private static final String POSTGRESQL = "jdbc:postgresql:";

    public static StoreLocation of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(POSTGRESQL)) {
            return new StoreLocation(url, SqlDialect.POSTGRESQL, true, Optional.empty());
        }
        if (lower.startsWith(H2_FILE)) {
            return new StoreLocation(url, SqlDialect.H2, false, Optional.of(h2FilePath(url.substring(H2_FILE.length()))));
        }
        if (lower.startsWith(H2 + "mem:")) {
            return new StoreLocation(url, SqlDialect.H2, false, Optional.empty());
        }
        if (lower.startsWith(H2)) {
            // H2 reads "jdbc:h2:./x" and "jdbc:h2:~/x" as file URLs too.
            return new StoreLocation(url, SqlDialect.H2, false, Optional.of(h2FilePath(url.substring(H2.length()))));
        }
        throw new IllegalArgumentException("Unsupported store URL '" + url
                + "': use jdbc:h2:file:PATH for the embedded store or jdbc:postgresql://HOST/DB for the shared store");
    }

    /**
     * The URL that the pool connects with. An embedded H2 file gets WRITE_DELAY=0 unless the URL sets it: H2
     * otherwise keeps commits in memory for up to half a second, and a process killed in that time would lose
     * writes that were already answered 2xx.
     */
    public String jdbcUrl() {
        if (databaseFile.isPresent() && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** The lock file that keeps a second process off an embedded file store, beside its database file. */
    public Optional<Path> lockFile() {
        return databaseFile.map((file) -> file.resolveSibling(file.getFileName() + ".lock"));
    }

    public String kind() {
        return shared ? "shared" : "embedded";
    }

    private static Path h2FilePath(String rest) {
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

}
