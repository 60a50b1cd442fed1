package dk.rm.patientsafety.alerting;

import java.sql.SQLException;

/**
 * Tells a record PostgreSQL will never take (a data exception, class 22, or a broken constraint, class 23) from a
 * failure that passes (the server is away, class 08), by the SQLSTATE of the cause.
 */
final class PostgresErrors {

    private PostgresErrors() {
    }

    static boolean isPermanent(Throwable error) {
        String state = sqlState(error);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The SQLSTATE only: PostgreSQL's message may quote the offending value. */
    static String describe(Throwable error) {
        return "PostgreSQL refused the row (SQLSTATE " + sqlState(error) + ")";
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
