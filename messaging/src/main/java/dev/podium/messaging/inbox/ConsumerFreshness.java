package dev.podium.messaging.inbox;

import dev.podium.persistence.DatabaseUnreachable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far behind each consumer is, as Prometheus gauges tagged {@code consumer}:
 * {@code podium.consumer.lag.messages} (records of its topic the service's consumer group has not
 * committed yet), {@code podium.consumer.lag.seconds} (age of the record it last took, while it is
 * behind) and {@code podium.consumer.deferred} (messages waiting for a fact, see {@link DeferredMessages}).
 * A message deferred longer than {@code podium.inbox.deferred-warn-after} is logged as a warning, once.
 *
 * <p>{@link #consumedUntil} is the gate of sends that a clock starts rather than a message (reminders,
 * update digests): they read a read model that no message vouches for, so they wait until its topic
 * is consumed up to the moment they fell due.
 */
@Singleton
public class ConsumerFreshness {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerFreshness.class);

    private final AdminClient admin;
    private final DeferredMessages deferred;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String group;
    private final Duration warnAfter;
    private final Map<String, String> topics = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagMessages = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deferredCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastRecordTime = new ConcurrentHashMap<>();

    ConsumerFreshness(AdminClient admin, DeferredMessages deferred, MeterRegistry meters, Clock clock,
                      @Value("${podium.kafka.consumer-group}") String group,
                      @Value("${podium.inbox.deferred-warn-after:60s}") Duration warnAfter) {
        this.admin = admin;
        this.deferred = deferred;
        this.meters = meters;
        this.clock = clock;
        this.group = group;
        this.warnAfter = warnAfter;
    }

    void track(String consumer, String topic) {
        topics.put(consumer, topic);
        AtomicLong lag = lagMessages.computeIfAbsent(consumer, c -> new AtomicLong());
        AtomicLong waiting = deferredCounts.computeIfAbsent(consumer, c -> new AtomicLong());
        AtomicLong last = lastRecordTime.computeIfAbsent(consumer, c -> new AtomicLong());
        Gauge.builder("podium.consumer.lag.messages", lag, AtomicLong::get).tag("consumer", consumer).tag("topic", topic)
                .description("Records of the topic not yet consumed by the service's consumer group").register(meters);
        Gauge.builder("podium.consumer.lag.seconds", this, f -> f.lagSeconds(lag, last)).tag("consumer", consumer)
                .tag("topic", topic).baseUnit("seconds")
                .description("Age of the record last taken, while the consumer is behind").register(meters);
        Gauge.builder("podium.consumer.deferred", waiting, AtomicLong::get).tag("consumer", consumer).tag("topic", topic)
                .description("Messages waiting for facts their producer had").register(meters);
    }

    void received(String consumer, ConsumerRecord<?, ?> record) {
        AtomicLong last = lastRecordTime.get(consumer);
        if (last != null) {
            last.set(record.timestamp());
        }
    }

    private double lagSeconds(AtomicLong lag, AtomicLong lastRecord) {
        if (lag.get() == 0 || lastRecord.get() <= 0) {
            return 0;
        }
        return Math.max(0, clock.millis() - lastRecord.get()) / 1000.0;
    }

    @Scheduled(fixedDelay = "${podium.inbox.freshness-interval:5s}", initialDelay = "5s")
    void refresh() {
        try {
            Map<String, Long> counts = deferred.countByConsumer();
            deferredCounts.forEach((consumer, count) -> count.set(counts.getOrDefault(consumer, 0L)));
            for (DeferredMessages.Waiting waiting : deferred.newlyOverdue(clock.instant().minus(warnAfter))) {
                LOG.warn("{} has waited since {} ({} s) for {}: a {} under key {} (podium.inbox.deferred-warn-after is {} s)",
                        waiting.consumer(), waiting.deferredAt(), Duration.between(waiting.deferredAt(), clock.instant()).toSeconds(),
                        waiting.waitingFor() == null ? "an earlier message of its key" : waiting.waitingFor(), waiting.type(),
                        waiting.key(), warnAfter.toSeconds());
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.is(e)) {
                throw e;
            }
        }
        Map<String, Long> lagByTopic = lagByTopic(Set.copyOf(topics.values()));
        if (lagByTopic != null) {
            topics.forEach((consumer, topic) -> lagMessages.get(consumer).set(lagByTopic.getOrDefault(topic, 0L)));
        }
    }

    /**
     * True when the service's consumer group has committed every record that {@code topic} received
     * before {@code moment}, and none of that topic's messages is deferred. A fixed moment, not "now",
     * so that steady traffic cannot keep the answer false. False when Kafka cannot tell.
     */
    public boolean consumedUntil(String topic, Instant moment) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            List<TopicPartition> partitions = partitionsOf(Set.of(topic));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> atMoment = offsets(partitions,
                    OffsetSpec.forTimestamp(moment.toEpochMilli()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            for (TopicPartition partition : partitions) {
                long first = atMoment.get(partition).offset();
                // -1: no record at or after the moment, so every record of the partition came before it.
                long needed = first < 0 ? ends.get(partition).offset() : first;
                OffsetAndMetadata done = committed.get(partition);
                if ((done == null ? 0 : done.offset()) < needed) {
                    return false;
                }
            }
            return deferred.countForTopic(topic) == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.debug("Whether {} is consumed until {} is unknown for now: {}", topic, moment, e.toString());
            return false;
        }
    }

    /** Records not yet committed by the group, per topic; null when Kafka does not answer in time. */
    private Map<String, Long> lagByTopic(Set<String> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            Map<String, Long> lag = new HashMap<>();
            offsets(partitionsOf(wanted), OffsetSpec.latest()).forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                lag.merge(partition.topic(), Math.max(0, end.offset() - (done == null ? 0 : done.offset())), Long::sum);
            });
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debug("Consumer lag unknown for now: {}", e.toString());
            return null;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
    }

    private List<TopicPartition> partitionsOf(Set<String> wanted) throws Exception {
        return admin.describeTopics(wanted).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .toList();
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)))
                .all().get(5, TimeUnit.SECONDS);
    }
}
