package dev.podium.notifications.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** This replica's delivery attempts by outcome: one counter, tagged {@code outcome}. */
final class DeliveryMetrics {

    enum Outcome { SENT, RETRIED, FAILED, DEAD, SKIPPED }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    DeliveryMetrics(MeterRegistry meters, String meterName) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(meterName).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Delivery attempts of this replica, by outcome").register(meters));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
