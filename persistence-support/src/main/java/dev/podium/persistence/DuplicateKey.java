package dev.podium.persistence;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;

/** Recognises MySQL/MariaDB's duplicate-key error (1062), the database's way of saying "that already exists". */
public final class DuplicateKey {

    private static final int ER_DUP_ENTRY = 1062;

    private DuplicateKey() {
    }

    /**
     * Runs {@code work} (a whole transaction) and answers {@code problem} instead of the failure when
     * it failed on the unique key {@code keyName}: the key, not a prior check, is what guarantees uniqueness
     * under concurrency.
     */
    public static <T> T refused(String keyName, Supplier<? extends RuntimeException> problem, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (on(e, keyName)) {
                throw problem.get();
            }
            throw e;
        }
    }

    /** True if the failure is a duplicate-key error on any unique key. */
    public static boolean any(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException violation && violation.getErrorCode() == ER_DUP_ENTRY) {
                return true;
            }
        }
        return false;
    }

    public static boolean on(Throwable failure, String keyName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException violation
                    && violation.getErrorCode() == ER_DUP_ENTRY
                    && String.valueOf(violation.getMessage()).contains(keyName)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
