package dev.podium.notifications.delivery.email;

import dev.podium.notifications.delivery.ClaimedDelivery;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.SharedRenderings;
import dev.podium.notifications.email.EmailTemplates.RenderedEmail;
import dev.podium.notifications.invitation.Invitations;
import dev.podium.notifications.notification.StoredNotification;
import dev.podium.notifications.unsubscribe.UnsubscribeTokens;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one delivery into the MIME message its recipient gets: HTML and plain text rendered in the
 * group's language, the event's iCalendar file when there is one, and for bulk email the RFC 8058
 * one-click List-Unsubscribe headers. What every recipient of a notification shares is prepared once
 * ({@link SharedRenderings}, the notification's calendar); each copy only adds its recipient's parts
 * (their name and links, their UID and ATTENDEE line in the calendar, {@link CalendarInvites}).
 * The Message-ID is derived from the delivery, so a copy sent twice after a crash is recognisable as
 * the same message.
 */
@Singleton
class EmailComposer {

    /** The template variables that differ between recipients, in the order {@link #compose} fills them. */
    private static final List<String> RECIPIENT_VARIABLES = List.of("recipientName", "recipientEmail", "manageUrl", "importedBy",
            "unsubscribeUrl", "unsubscribeAllUrl");

    private final SharedRenderings renderings;
    private final UnsubscribeTokens unsubscribeTokens;
    private final MailSettings settings;
    private final String publicUrl;
    private final Clock clock;
    private final CalendarInvites invites;

    EmailComposer(SharedRenderings renderings, UnsubscribeTokens unsubscribeTokens, MailSettings settings,
                  @Value("${podium.notifications.public-url}") String publicUrl, Clock clock, Invitations invitations) {
        MailStreamProvider.nameAngusUnlessSet();
        this.renderings = renderings;
        this.unsubscribeTokens = unsubscribeTokens;
        this.settings = settings;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
        this.invites = new CalendarInvites(invitations);
    }

    MimeMessage compose(Session session, StoredNotification notification, ClaimedDelivery delivery)
            throws MessagingException {
        Locale locale = EmailLanguage.locale(notification.language());
        String[] recipient = new String[RECIPIENT_VARIABLES.size()];
        recipient[0] = delivery.name();
        recipient[1] = delivery.address();
        recipient[2] = delivery.manageUrl();
        recipient[3] = delivery.importedBy();
        String unsubscribeUrl = null;
        if (notification.kind().bulk()) {
            String scope = notification.groupId() == null ? UnsubscribeTokens.ALL_GROUPS : notification.groupId();
            unsubscribeUrl = publicUrl + "/unsubscribe?token=" + unsubscribeTokens.issue(scope, delivery.address());
            recipient[4] = unsubscribeUrl;
            recipient[5] = publicUrl + "/unsubscribe?token=" + unsubscribeTokens.issue(UnsubscribeTokens.ALL_GROUPS, delivery.address());
        }
        RenderedEmail rendered = renderings.render(notification.id(), notification.kind().template(), locale,
                sharedVariables(notification), RECIPIENT_VARIABLES, recipient);

        MimeMessage message = new IdentifiedMessage(session, "<" + notification.id() + "." + delivery.id() + "@" + settings.getDomain() + ">");
        message.setFrom(address(settings.getFromAddress(), settings.getFromName()));
        message.setRecipient(MimeMessage.RecipientType.TO, address(delivery.address(), delivery.name()));
        message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", locale.getLanguage());
        message.setHeader("X-Podium-Notification", notification.id());
        if (unsubscribeUrl != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (notification.groupId() != null) {
            message.setHeader("List-Id", "<" + notification.groupId() + "." + settings.getDomain() + ">");
        } else {
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        message.setContent(body(rendered, notification.calendar() == null ? null : invites.of(notification, delivery)));
        message.saveChanges();
        return message;
    }

    private static Map<String, Object> sharedVariables(StoredNotification notification) {
        Map<String, Object> variables = new HashMap<>(notification.model());
        variables.put("subject", notification.subject());
        return variables;
    }

    private static MimeMultipart body(RenderedEmail rendered, CalendarInvites.CalendarCopy invite) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (invite == null) {
            return alternative;
        }
        alternative.addBodyPart(invite.inline());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart content = new MimeBodyPart();
        content.setContent(alternative);
        mixed.addBodyPart(content);
        mixed.addBodyPart(invite.attachment());
        return mixed;
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        try {
            return new InternetAddress(email, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** A message whose Message-ID is chosen, not generated at random by saveChanges(). */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
