package dev.podium.calendar;

/**
 * Folds iCalendar content lines so that none is longer than 75 octets of UTF-8 (RFC 5545 §3.1),
 * never cutting a character in two.
 *
 * <p>Why not ical4j's {@code FoldingWriter}: it counts UTF-16 chars, not octets, so accented text
 * gives lines longer than 75 octets, and it may fold between the two halves of an emoji (a
 * surrogate pair), which then become '?' once the text is encoded in UTF-8.
 */
final class LineFolding {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private LineFolding() {
    }

    /** {@code unfolded}: CRLF-separated content lines, as {@code Calendar.toString()} gives them. */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split(CRLF)) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > MAX_OCTETS) {
                    folded.append(CRLF).append(' ');
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append(CRLF);
        }
        return folded.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
