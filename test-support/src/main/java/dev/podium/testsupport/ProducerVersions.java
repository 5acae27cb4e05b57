package dev.podium.testsupport;

import dev.podium.contracts.Causality;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.StreamVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives messages the causal versions their producer's outbox would (see messaging's
 * {@code StreamVersions}), for tests that play another service's part.
 */
public final class ProducerVersions {

    /** A message with what it says about the order of facts, as a producer writes it. */
    public record Outgoing(PodiumMessage message, Causality causality) {
    }

    private final Map<String, Long> versions = new HashMap<>();

    /** The message as one more change of {@code stream}. */
    public synchronized Outgoing change(PodiumMessage message, String stream) {
        long version = versions.merge(stream, 1L, Long::sum);
        return new Outgoing(message, Causality.advancing(new StreamVersion(stream, version)));
    }

    /** The message as written by a producer that knew the current version of each of {@code streams}. */
    public synchronized Outgoing after(PodiumMessage message, String... streams) {
        Causality causality = Causality.NONE;
        for (String stream : streams) {
            causality = causality.andAfter(current(stream));
        }
        return new Outgoing(message, causality);
    }

    public synchronized StreamVersion current(String stream) {
        return new StreamVersion(stream, versions.getOrDefault(stream, 0L));
    }
}
