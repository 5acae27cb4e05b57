package dev.podium.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The same Kafka metric at client, broker-connection, topic and partition level, in one Prometheus registry. */
class KafkaMeterNamesTest {

    @Test
    void everyLevelGetsANameOfItsOwnAndPartitionsAreLeftOut() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new KafkaMeterNames());

        Gauge.builder("kafka.consumer.request-total", () -> 1).tags(Tags.of("client-id", "c")).register(registry);
        Gauge.builder("kafka.consumer.request-total", () -> 2).tags(Tags.of("client-id", "c", "node-id", "node--1")).register(registry);
        Gauge.builder("kafka.consumer.records-consumed-total", () -> 3).tags(Tags.of("client-id", "c", "topic", "t")).register(registry);
        Gauge.builder("kafka.consumer.records-lag", () -> 4).tags(Tags.of("client-id", "c", "topic", "t", "partition", "0")).register(registry);
        Gauge.builder("kafka.consumer.records-lag", () -> 4).tags(Tags.of("client-id", "c", "topic", "t", "partition", "0")).register(registry);

        String scrape = registry.scrape();
        assertThat(scrape).contains("kafka_consumer_request{client_id=\"c\"} 1.0")
                .contains("kafka_consumer_node_request{client_id=\"c\",node_id=\"node--1\"} 2.0")
                .contains("kafka_consumer_topic_records_consumed{client_id=\"c\",topic=\"t\"} 3.0")
                .doesNotContain("records_lag");
        assertThat(KafkaMeterNames.insert("kafka.producer.record-send-total", "topic")).isEqualTo("kafka.producer.topic.record-send-total");
    }
}
