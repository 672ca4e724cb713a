package org.jope.core.store;

/** The store URL names a database whose JDBC driver is not on the classpath. */
public class StoreDriverMissingException extends RuntimeException {

    private final String url;

    private final String dependency;

    public StoreDriverMissingException(String url, String dependency, Throwable cause) {
        super("No JDBC driver on the classpath accepts " + url + "; add " + dependency, cause);
        this.url = url;
        this.dependency = dependency;
    }

    public String url() {
        return url;
    }

    /** The Maven dependency that brings the driver, as group:artifact. */
    public String dependency() {
        return dependency;
    }

}
