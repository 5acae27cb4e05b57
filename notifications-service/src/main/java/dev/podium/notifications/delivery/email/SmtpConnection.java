package dev.podium.notifications.delivery.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * One SMTP connection, opened on first use and kept open across sends; reopened after the server
 * closed it or a send failed at the connection level.
 */
final class SmtpConnection implements AutoCloseable {

    private final Session session;
    private final MailSettings settings;
    private Transport transport;

    SmtpConnection(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.getSmtpHost());
        properties.put("mail.smtp.port", String.valueOf(settings.getSmtpPort()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
        properties.put("mail.smtp.localhost", settings.getDomain());
        properties.put("mail.smtp.from", settings.getFromAddress());
        properties.put("mail.mime.charset", "UTF-8");
        if (settings.getSmtpUsername() != null) {
            properties.put("mail.smtp.auth", "true");
        }
        if (settings.isSmtpStarttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }

    Session session() {
        return session;
    }

    void send(MimeMessage message) throws MessagingException {
        boolean reused = transport != null;
        try {
            sendOnOpenConnection(message);
        } catch (MessagingException first) {
            if (!reused || !SmtpFailure.of(first).connection()) {
                throw first;
            }
            // The server may have closed the idle connection: one more try on a fresh one.
            sendOnOpenConnection(message);
        }
    }

    private void sendOnOpenConnection(MimeMessage message) throws MessagingException {
        if (transport == null) {
            Transport opened = session.getTransport("smtp");
            opened.connect(settings.getSmtpHost(), settings.getSmtpPort(), settings.getSmtpUsername(), settings.getSmtpPassword());
            transport = opened;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            if (SmtpFailure.of(e).connection()) {
                close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // Closing a broken connection can fail too; it is dropped either way.
        }
        transport = null;
    }
}
