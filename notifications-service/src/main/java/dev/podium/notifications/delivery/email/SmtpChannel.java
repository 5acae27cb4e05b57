package dev.podium.notifications.delivery.email;

import dev.podium.contracts.TraceContext;
import dev.podium.notifications.delivery.Channel;
import dev.podium.notifications.delivery.ClaimedDelivery;
import dev.podium.notifications.delivery.DeliveryFailure;
import dev.podium.notifications.delivery.QueueTable;
import dev.podium.notifications.notification.NotificationStore;
import dev.podium.notifications.notification.StoredNotification;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Email over SMTP. Each sender thread keeps an SMTP connection of its own open across sends. A 5xx
 * reply is permanent and suppresses the address; a 4xx reply is retried; an unreachable server
 * pauses the channel.
 */
@Singleton
class SmtpChannel implements Channel<StoredNotification, MimeMessage> {

    private final MailSettings settings;
    private final EmailComposer composer;
    private final SkipReasons skipReasons;
    private final SuppressionList suppressions;
    private final NotificationStore notifications;
    private final Queue<SmtpConnection> connections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<SmtpConnection> connection;

    SmtpChannel(MailSettings settings, EmailComposer composer, SkipReasons skipReasons, SuppressionList suppressions,
                NotificationStore notifications) {
        this.settings = settings;
        this.notifications = notifications;
        this.composer = composer;
        this.skipReasons = skipReasons;
        this.suppressions = suppressions;
        this.connection = ThreadLocal.withInitial(() -> {
            SmtpConnection opened = new SmtpConnection(settings);
            connections.add(opened);
            return opened;
        });
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String destination() {
        return "SMTP server " + settings.getSmtpHost() + ":" + settings.getSmtpPort();
    }

    /** The name dashboards and alerts have used since email was the only channel. */
    @Override
    public String meterName() {
        return "podium.mail.deliveries";
    }

    @Override
    public MailSettings settings() {
        return settings;
    }

    @Override
    public QueueTable queueTable() {
        return QueueTable.EMAIL;
    }

    @Override
    public Optional<StoredNotification> message(String notificationId) {
        return notifications.find(notificationId);
    }

    @Override
    public TraceContext trace(StoredNotification notification) {
        return new TraceContext(notification.traceparent(), null);
    }

    @Override
    public Map<Long, String> reasonsToSkip(List<ClaimedDelivery> claimed) {
        return skipReasons.of(claimed);
    }

    @Override
    public Optional<String> reasonToSkip(StoredNotification notification, ClaimedDelivery delivery) {
        return skipReasons.of(notification, delivery);
    }

    @Override
    public MimeMessage compose(StoredNotification notification, ClaimedDelivery delivery) throws MessagingException {
        return composer.compose(connection.get().session(), notification, delivery);
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        connection.get().send(message);
    }

    @Override
    public Optional<DeliveryFailure> classify(Exception failure) {
        return failure instanceof MessagingException messaging
                ? Optional.of(SmtpFailure.of(messaging).toDeliveryFailure())
                : Optional.empty();
    }

    @Override
    public void refusedForGood(ClaimedDelivery delivery, String reason) {
        suppressions.addAddressOf(delivery, reason);
    }

    @Override
    public void close() {
        connections.forEach(SmtpConnection::close);
        connections.clear();
    }
}
