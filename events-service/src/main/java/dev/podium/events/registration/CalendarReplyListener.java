package dev.podium.events.registration;

import dev.podium.contracts.Topics;
import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Answers attendees gave from their calendar, verified by notifications-service, become RSVPs or cancellations. */
@PodiumListener
class CalendarReplyListener {

    private final InboxConsumer consumer;

    CalendarReplyListener(MessageInbox inbox, CalendarAnswers answers) {
        this.consumer = inbox.consumer("events.calendar-replies", Topics.CALENDAR_REPLIES,
                message -> answers.apply(message.dataAs(CalendarReplyReceived.class)));
    }

    @Topic(Topics.CALENDAR_REPLIES)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
