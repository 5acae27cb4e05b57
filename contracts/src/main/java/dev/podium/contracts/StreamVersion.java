package dev.podium.contracts;

import java.util.Objects;

/**
 * How far a stream of changes had gone: {@code version} counts the changes made to {@code stream}
 * (see {@link Streams}), raised by one in the transaction of each change.
 */
public record StreamVersion(String stream, long version) {

    public StreamVersion {
        Objects.requireNonNull(stream, "stream");
        if (stream.isBlank() || stream.contains(" ") || stream.contains("@")) {
            throw new IllegalArgumentException("A stream name has no spaces and no '@': " + stream);
        }
        if (version < 0) {
            throw new IllegalArgumentException("A stream version is not negative: " + version);
        }
    }

    /** {@code stream@version}, as carried in the envelope. */
    @Override
    public String toString() {
        return stream + "@" + version;
    }

    /** @throws IllegalArgumentException when {@code text} is not {@code stream@version} */
    public static StreamVersion parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("Not stream@version: " + text);
        }
        try {
            return new StreamVersion(text.substring(0, at), Long.parseLong(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not stream@version: " + text, e);
        }
    }
}
