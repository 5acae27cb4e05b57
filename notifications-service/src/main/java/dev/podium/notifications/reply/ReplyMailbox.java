package dev.podium.notifications.reply;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the organizer mailbox over IMAP: each unseen email is recorded ({@link CalendarReplies}), then
 * flagged as seen, so a restart does not read it again. A crash between the two reads it again, which
 * the unique message key makes harmless; so are several replicas polling the same mailbox. Emails are
 * fetched with {@code mail.imap.peek}, so reading one does not flag it before it is recorded.
 */
@Singleton
@Requires(property = "podium.notifications.replies.imap-host", pattern = ".+")
class ReplyMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyMailbox.class);

    private final ReplyMailboxSettings settings;
    private final CalendarReplies replies;
    private final Session session;

    ReplyMailbox(ReplyMailboxSettings settings, CalendarReplies replies) {
        this.settings = settings;
        this.replies = replies;
        this.session = Session.getInstance(properties(settings));
    }

    @Scheduled(fixedDelay = "${podium.notifications.replies.poll-interval:30s}", initialDelay = "1s")
    void poll() {
        try (Store store = session.getStore(settings.isImapSsl() ? "imaps" : "imap")) {
            store.connect(settings.getImapHost(), settings.getImapPort(), settings.getUsername(), settings.getPassword());
            Folder folder = store.getFolder(settings.getFolder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unseen.length, settings.getBatchSize()); i++) {
                    replies.record(ReplyEmails.read((MimeMessage) unseen[i]));
                    unseen[i].setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            LOG.warn("Could not read calendar replies from {}:{} ({}); next poll tries again",
                    settings.getImapHost(), settings.getImapPort(), e.toString());
        }
    }

    private static Properties properties(ReplyMailboxSettings settings) {
        Properties properties = new Properties();
        String protocol = settings.isImapSsl() ? "imaps" : "imap";
        String timeout = String.valueOf(settings.getTimeout().toMillis());
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        return properties;
    }
}
