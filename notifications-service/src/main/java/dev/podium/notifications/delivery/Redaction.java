package dev.podium.notifications.delivery;

import java.util.regex.Pattern;

/**
 * Log text without addresses: what a channel answers ("550 5.1.1 &lt;bob@example.org&gt;: unknown
 * user") and its exceptions often quote the recipient's, and no address may reach the logs.
 */
final class Redaction {

    static final String ADDRESS_PLACEHOLDER = "<address>";
    /** Apostrophes are allowed before the @ (o'neil@…), not after it. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"`]+@[^\\s<>()\\[\\],;:\"'`]+");
    private static final int MAX_CAUSES = 20;

    private Redaction() {
    }

    static String text(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll(ADDRESS_PLACEHOLDER);
    }

    /** A stand-in for {@code failure} to log: the same classes and stack traces, every message redacted. */
    static Throwable failure(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        Throwable redactedCause = cause == null || cause == failure || depth >= MAX_CAUSES ? null : copy(cause, depth + 1);
        RedactedFailure copy = new RedactedFailure(failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + text(failure.getMessage())), redactedCause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Prints as {@code <original class>: <redacted message>}. */
    private static final class RedactedFailure extends RuntimeException {

        RedactedFailure(String description, Throwable cause) {
            super(description, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
