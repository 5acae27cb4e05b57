package dev.podium.talks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Topics;
import dev.podium.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What talks-service published on {@value Topics#SUBMISSIONS}, read from the beginning, about one submission at a time. */
public final class SubmissionsTopic implements AutoCloseable {

    private final TopicReader topic;
    private final MessageCodec codec;

    public SubmissionsTopic(MessageCodec codec) {
        this.topic = TopicReader.fromBeginning(Topics.SUBMISSIONS);
        this.codec = codec;
    }

    /** The last message of this type about this submission, once one was published. */
    public DecodedMessage message(String submissionId, Class<? extends PodiumMessage> type) {
        List<DecodedMessage> messages = messages(submissionId, type, 1);
        return messages.get(messages.size() - 1);
    }

    /** The messages of this type about this submission, in order, once at least {@code count} were published. */
    public List<DecodedMessage> messages(String submissionId, Class<? extends PodiumMessage> type, int count) {
        List<ConsumerRecord<String, String>> records = topic.await(
                r -> submissionId.equals(r.key()) && type.isInstance(codec.decode(r.value()).data()), count, Duration.ofSeconds(30));
        assertThat(records).as("%s messages about %s", type.getSimpleName(), submissionId).hasSizeGreaterThanOrEqualTo(count);
        return records.stream().map(r -> codec.decode(r.value())).toList();
    }

    @Override
    public void close() {
        topic.close();
    }
}
