package org.jope.core.store;

/** The few places where the embedded and the shared store speak different SQL. */
public enum SqlDialect {

    H2("BLOB", "NEXT VALUE FOR %s"),

    POSTGRESQL("BYTEA", "nextval('%s')");

    private final String binaryType;

    private final String nextValueTemplate;

    SqlDialect(String binaryType, String nextValueTemplate) {
        this.binaryType = binaryType;
        this.nextValueTemplate = nextValueTemplate;
    }

    public String binaryType() {
        return binaryType;
    }

    public String nextValue(String sequence) {
        return nextValueTemplate.formatted(sequence);
    }

}
