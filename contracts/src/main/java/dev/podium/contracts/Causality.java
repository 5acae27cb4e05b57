package dev.podium.contracts;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a message says about the order of facts across topics. {@code advances}: the stream this
 * message is a change of, and its version after the change. {@code after}: the versions of other
 * streams its producer had when it wrote the message; a consumer acts on it only once its own read
 * model of each of those streams has reached them. Carried in the envelope as the extension
 * attributes {@code podiumstream}, {@code podiumversion} and {@code podiumafter}.
 */
public record Causality(@Nullable StreamVersion advances, List<StreamVersion> after) {

    public static final Causality NONE = new Causality(null, List.of());

    public Causality {
        after = List.copyOf(after);
    }

    public static Causality advancing(StreamVersion change) {
        return new Causality(change, List.of());
    }

    public static Causality after(StreamVersion... facts) {
        return new Causality(null, Arrays.asList(facts));
    }

    /** The same, also waiting for {@code fact}. */
    public Causality andAfter(StreamVersion fact) {
        List<StreamVersion> all = new ArrayList<>(after);
        all.add(fact);
        return new Causality(advances, all);
    }

    /** {@code after} as one attribute: space-separated {@code stream@version}s, or null when there are none. */
    @Nullable
    String afterAttribute() {
        return after.isEmpty() ? null : String.join(" ", after.stream().map(StreamVersion::toString).toList());
    }

    static List<StreamVersion> parseAfter(@Nullable String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return List.of();
        }
        return Arrays.stream(attribute.trim().split("\\s+")).map(StreamVersion::parse).toList();
    }
}
