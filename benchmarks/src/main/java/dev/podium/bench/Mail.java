package dev.podium.bench;

import dev.podium.bench.SmtpSink.Arrival;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/** What reached the benchmarks' SMTP sink: for whom, and when the server accepted it. */
final class Mail {

    private final SmtpSink sink;

    Mail(SmtpSink sink) {
        this.sink = sink;
    }

    List<Arrival> arrivals(Predicate<String> recipient) {
        return sink.arrivals().stream().filter(arrival -> recipient.test(arrival.recipient())).toList();
    }

    /** Waits until the sink holds {@code expected} messages for matching recipients; returns them. */
    List<Arrival> await(Predicate<String> recipient, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Arrival> arrived = arrivals(recipient);
            if (arrived.size() >= expected) {
                return arrived;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + arrived.size() + " of " + expected + " emails arrived within " + timeout);
            }
            Podium.sleep(100);
        }
    }

    /** Arrival time per recipient (the first message each one got). */
    Map<String, Long> arrivalByRecipient(Predicate<String> recipient) {
        Map<String, Long> byRecipient = new HashMap<>();
        for (Arrival arrival : arrivals(recipient)) {
            byRecipient.merge(arrival.recipient(), arrival.receivedAtMillis(), Math::min);
        }
        return byRecipient;
    }

    /** Keep the bytes of what arrives from now on (to send the same messages again). */
    void keepMessages(boolean keep) {
        sink.keepData(keep);
    }

    void purge() {
        sink.clear();
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return sink.port();
    }

    static MimeMessage parse(Arrival arrival) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(arrival.data()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message for " + arrival.recipient(), e);
        }
    }
}
