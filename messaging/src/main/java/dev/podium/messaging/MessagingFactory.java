package dev.podium.messaging;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;

/** Beans every Podium service shares: the message codec, the clock and the topics to create. */
@Factory
class MessagingFactory {

    @Singleton
    MessageCodec messageCodec(JsonMapper jsonMapper) {
        return new MessageCodec(jsonMapper);
    }

    /** Time comes from this bean everywhere, so tests can replace it. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Created at start-up by micronaut-kafka (existing topics are left as they are). */
    @Singleton
    List<NewTopic> podiumTopics(@Value("${podium.kafka.partitions:3}") int partitions,
                                @Value("${podium.kafka.replication-factor:1}") short replicationFactor) {
        return Topics.all().stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .map(topic -> new NewTopic(topic, partitions, replicationFactor))
                .toList();
    }
}
