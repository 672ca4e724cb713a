package org.jope.core.store;

/** The few places where the embedded and the shared store speak different SQL. */
public enum SqlDialect {

    /** One process only, so Java's locks order its commits and no database lock is needed. */
    H2("BLOB", "NEXT VALUE FOR %s", null, "com.h2database:h2"),

    /**
     * Several processes share it: a transaction-scoped advisory lock orders their commits and their schema
     * creation.
     */
    POSTGRESQL("BYTEA", "nextval('%s')", "SELECT pg_advisory_xact_lock(%d)", "org.postgresql:postgresql");

    /** The advisory lock key held while the schema is created and seeded. */
    static final long SCHEMA_LOCK = 0x4a6f706553L;

    /** The advisory lock key held from the allocation of a commit sequence number to the commit. */
    static final long COMMIT_LOCK = 0x4a6f7065434cL;

    private final String binaryType;

    private final String nextValueTemplate;

    private final String lockTemplate;

    private final String driverDependency;

    SqlDialect(String binaryType, String nextValueTemplate, String lockTemplate, String driverDependency) {
        this.binaryType = binaryType;
        this.nextValueTemplate = nextValueTemplate;
        this.lockTemplate = lockTemplate;
        this.driverDependency = driverDependency;
    }

    /** The Maven dependency of the JDBC driver, as group:artifact. */
    public String driverDependency() {
        return driverDependency;
    }

    /** The statement that takes a lock held until the transaction ends, or null where none is needed. */
    public String transactionLock(long key) {
        return lockTemplate == null ? null : lockTemplate.formatted(key);
    }

    public String binaryType() {
        return binaryType;
    }

    public String nextValue(String sequence) {
        return nextValueTemplate.formatted(sequence);
    }

}
