package dev.podium.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail, in the launcher's JVM: SMTP for the services to send through, IMAP to read what they sent.
 * Every recipient gets a mailbox on first delivery, readable over IMAP with the address as both login
 * and password. Mail is kept in memory only: it is gone after a restart.
 */
final class MailServer {

    private final StackSettings settings;
    private GreenMail greenMail;

    MailServer(StackSettings settings) {
        this.settings = settings;
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(settings.smtpPort(), StackSettings.HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(settings.imapPort(), StackSettings.HOST, ServerSetup.PROTOCOL_IMAP)});
        try {
            greenMail.start();
            // The invitations' ORGANIZER mailbox, which notifications-service reads for calendar answers
            // before anyone has written to it (GreenMail creates other mailboxes on first delivery).
            greenMail.setUser(StackSettings.REPLY_MAILBOX, StackSettings.REPLY_MAILBOX, StackSettings.REPLY_MAILBOX);
        } catch (RuntimeException e) {
            throw new StackException("GreenMail did not start (SMTP " + settings.smtpPort()
                    + ", IMAP " + settings.imapPort() + "): " + e.getMessage(), e);
        }
    }

    void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
