package dev.podium.events.support;

import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises a unique-key violation, the database's way of saying "that already exists". */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
