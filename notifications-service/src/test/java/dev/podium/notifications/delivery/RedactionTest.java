package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void smtpRepliesLoseTheAddressesTheyQuote() {
        assertThat(Redaction.text("550 5.1.1 <Bob.Smith+podium@example.org>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected");
        assertThat(Redaction.text("452 4.2.2 mailbox full (to=alice_o'neil@mail.example.fr, from=notifications@podium.localhost)"))
                .doesNotContain("@").doesNotContain("alice").contains("mailbox full");
        assertThat(Redaction.text("Connection refused")).isEqualTo("Connection refused");
    }

    @Test
    void aFailureKeepsItsClassesAndStackTracesButNoAddress() {
        MessagingException failure = new MessagingException("Could not send",
                new SendFailedException("Invalid Addresses: zoe@example.org"));
        StringWriter printed = new StringWriter();
        Redaction.failure(failure).printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .doesNotContain("zoe@example.org")
                .contains("jakarta.mail.MessagingException: Could not send")
                .contains("Caused by: jakarta.mail.SendFailedException: Invalid Addresses: <address>")
                .contains("at dev.podium.notifications.delivery.RedactionTest.aFailureKeepsItsClassesAndStackTracesButNoAddress");
    }
}
