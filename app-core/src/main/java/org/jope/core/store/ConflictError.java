package org.jope.core.store;

/**
 * Another transaction changed an object that this one read and then wrote. The publisher aborts and retries the
 * whole request, as Zope's publisher does for ZODB's ConflictError.
 */
public class ConflictError extends RuntimeException {

    /** Stands for "no single object to blame", such as two writers creating the same name. */
    public static final long UNKNOWN_OID = -1;

    private final long oid;

    public ConflictError(long oid, String message) {
        super(message);
        this.oid = oid;
    }

    public ConflictError(String message, Throwable cause) {
        super(message, cause);
        this.oid = UNKNOWN_OID;
    }

    /** The object that another transaction changed first, or {@link #UNKNOWN_OID}. */
    public long oid() {
        return oid;
    }

}
