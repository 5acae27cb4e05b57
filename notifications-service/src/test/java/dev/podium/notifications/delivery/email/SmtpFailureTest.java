package dev.podium.notifications.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.notifications.delivery.DeliveryFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * How Jakarta Mail's failures are read: 5xx is permanent, 4xx and connection failures are retried, and
 * a connection failure pauses the channel.
 */
class SmtpFailureTest {

    @Test
    void aRecipientRefusedWith5xxIsPermanentAndKeepsTheServersReply() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress("gone@example.org"),
                "RCPT TO:<gone@example.org>", 550, "5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
        SendFailedException wrapped = new SendFailedException("Invalid Addresses", refused);

        SmtpFailure failure = SmtpFailure.of(wrapped);

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reply()).startsWith("550 ").contains("User unknown");
        assertThat(failure.toDeliveryFailure().kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
    }

    @Test
    void aGreylisting4xxReplyIsTransient() throws Exception {
        SMTPSendFailedException greylisted = new SMTPSendFailedException("DATA", 451, "4.7.1 Greylisted, try again later",
                null, null, null, null);

        SmtpFailure failure = SmtpFailure.of(greylisted);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.connection()).isFalse();
        assertThat(failure.reply()).startsWith("451 ");
        assertThat(failure.toDeliveryFailure().kind()).isEqualTo(DeliveryFailure.Kind.RETRY_LATER);
    }

    @Test
    void anUnreachableServerIsATransientConnectionFailure() {
        SmtpFailure failure = SmtpFailure.of(new MessagingException("Couldn't connect to host, port: localhost, 2525",
                new ConnectException("Connection refused")));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.connection()).isTrue();
        assertThat(failure.toDeliveryFailure().kind()).isEqualTo(DeliveryFailure.Kind.CHANNEL_UNREACHABLE);
    }

    @Test
    void aConnectionLostBeforeTheReplyIsAConnectionFailure() {
        SMTPSendFailedException lost = new SMTPSendFailedException("DATA", -1, "[EOF]", null, null, null, null);

        SmtpFailure failure = SmtpFailure.of(lost);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.connection()).isTrue();
    }
}
