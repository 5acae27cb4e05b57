package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** How Jakarta Mail's failures are read: 5xx is permanent, 4xx and connection failures are retried. */
class SmtpFailureTest {

    @Test
    void aRecipientRefusedWith5xxIsPermanentAndKeepsTheServersReply() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress("gone@example.org"),
                "RCPT TO:<gone@example.org>", 550, "5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
        SendFailedException wrapped = new SendFailedException("Invalid Addresses", refused);

        SmtpFailure failure = SmtpFailure.of(wrapped);

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reply()).startsWith("550 ").contains("User unknown");
    }

    @Test
    void aGreylisting4xxReplyIsTransient() throws Exception {
        SMTPSendFailedException greylisted = new SMTPSendFailedException("DATA", 451, "4.7.1 Greylisted, try again later",
                null, null, null, null);

        SmtpFailure failure = SmtpFailure.of(greylisted);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.connection()).isFalse();
        assertThat(failure.reply()).startsWith("451 ");
    }

    @Test
    void anUnreachableServerIsATransientConnectionFailure() {
        SmtpFailure failure = SmtpFailure.of(new MessagingException("Couldn't connect to host, port: localhost, 2525",
                new ConnectException("Connection refused")));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.connection()).isTrue();
    }

    @Test
    void aConnectionLostBeforeTheReplyIsAConnectionFailure() {
        SMTPSendFailedException lost = new SMTPSendFailedException("DATA", -1, "[EOF]", null, null, null, null);

        SmtpFailure failure = SmtpFailure.of(lost);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.connection()).isTrue();
    }

    @Test
    void retriesBackOffExponentiallyWithJitterUpToTheMaximum() {
        RetryDelay delay = new RetryDelay(Duration.ofSeconds(2), Duration.ofMinutes(10));
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(Duration.ofMinutes(10).toMillis(), 2000L << (attempt - 1));
            Duration wait = delay.after(attempt, random);
            assertThat(wait.toMillis()).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
        }
    }
}
