package dev.podium.calendar;

/**
 * A CN parameter value: RFC 5545 §3.1 lets a parameter value hold anything but control characters
 * and DQUOTE (even quoted), so a group called {@code The "Deep" Learners} is written with ' instead.
 */
final class CommonName {

    private CommonName() {
    }

    static String of(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.strip().codePoints().forEach(c -> {
            if (c == '"') {
                safe.append('\'');
            } else if (!Character.isISOControl(c)) {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }
}
