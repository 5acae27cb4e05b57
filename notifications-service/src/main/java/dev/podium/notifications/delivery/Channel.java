package dev.podium.notifications.delivery;

import dev.podium.contracts.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A way to reach recipients. The {@link DeliveryLoop} claims, leases, paces and retries deliveries;
 * the channel turns one into a message, sends it, and says what a failure means.
 *
 * <p>{@link #compose} and {@link #send} run on the loop's sender threads, up to
 * {@link DeliverySettings#getParallelism()} at once, one delivery per thread at a time; a channel may
 * keep a connection per thread.
 *
 * <p>Each channel has a queue table of its own ({@link #queueTable()}) and its own settings: the
 * {@link DeliveryLoops} drive one loop per channel, so a slow webhook receiver never holds up email.
 *
 * @param <N> what a delivery carries, as stored (a notification, a webhook message), found by the delivery's message id
 * @param <M> the channel's message, as composed and then sent
 */
public interface Channel<N, M> {

    /** A short name for thread names and logs. */
    String name();

    /** Where messages go, for the start-up log. */
    String destination();

    /** The counter of this replica's outcomes on this channel (tagged {@code outcome}); dashboards query it by name. */
    String meterName();

    /** The loop's parallelism, rate, retries and lease for this channel. */
    DeliverySettings settings();

    QueueTable queueTable();

    /** What the delivery carries; empty when it is gone (the delivery is then dead). */
    Optional<N> message(String messageId);

    /** The trace of the work that recorded what the delivery carries: each send of it is a span of that trace. */
    TraceContext trace(N message);

    /**
     * Why each of a claim's deliveries must not go out on this channel (by delivery id), looked up for
     * the whole claim at once; deliveries absent from the map go out.
     */
    Map<Long, String> reasonsToSkip(List<ClaimedDelivery> claimed);

    /** The same for one delivery: used when the look-up for the whole claim failed. */
    Optional<String> reasonToSkip(N message, ClaimedDelivery delivery);

    M compose(N message, ClaimedDelivery delivery) throws Exception;

    /** Returns once the other end has the message; whatever it throws is {@linkplain #classify classified}. */
    void send(M message) throws Exception;

    /**
     * What a failure of {@link #compose} or {@link #send} means; empty for a failure that is not the
     * channel's (a bug, a message that cannot be rendered), which the loop retries like a transient one.
     */
    Optional<DeliveryFailure> classify(Exception failure);

    /**
     * What a {@linkplain DeliveryFailure.Kind#PERMANENT permanent} failure means beyond the delivery
     * itself (an address to stop using); runs in the transaction that records the delivery FAILED.
     */
    void refusedForGood(ClaimedDelivery delivery, String reason);

    /** Releases what the channel holds (connections); called once the senders have stopped. */
    void close();
}
