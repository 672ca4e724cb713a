package org.jope.core.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Sorts database errors into conflicts (retry the request), outages (answer 503) and failures. */
final class SqlErrors {

    private SqlErrors() {
    }

    static RuntimeException translate(String action, SQLException error) {
        if (isConflict(error)) {
            return new ConflictError("Conflict while trying to " + action + ": " + error.getMessage(), error);
        }
        if (isOutage(error)) {
            return new StoreUnavailable("The store is unavailable while trying to " + action, error);
        }
        return new StoreFailure("The store failed to " + action, error);
    }

    private static boolean isConflict(SQLException error) {
        String state = String.valueOf(error.getSQLState());
        return state.equals("23505") // unique key: another transaction created the same name first
                || state.equals("40001") // serialization failure
                || state.equals("40P01") // PostgreSQL deadlock
                || state.equals("55P03") // PostgreSQL lock not available
                || state.equals("HYT00") // H2 lock timeout
                || state.equals("90131"); // H2 concurrent update
    }

    private static boolean isOutage(SQLException error) {
        return error instanceof SQLTransientConnectionException || String.valueOf(error.getSQLState()).startsWith("08");
    }

}
