package dev.podium.bench;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * 3. End-to-end latency: from an accepted RSVP (HTTP 201) to its confirmation email in the SMTP server,
 * at 50 RSVPs/s for 60 s. Baseline: the SMTP floor, a Jakarta Mail program sending the same confirmation
 * at the same rate on one open connection, timed from when each was due to the server's acceptance.
 */
final class EndToEndLatency {

    static final int RATE = 50;
    static final Duration DURATION = Duration.ofSeconds(60);

    private final Podium podium;
    private final Mail mail;
    private final Report report;

    EndToEndLatency(Podium podium, Mail mail, Report report) {
        this.podium = podium;
        this.mail = mail;
        this.report = report;
    }

    void run() throws Exception {
        String section = "3. End-to-end latency";
        podium.createGroup("e2e", "End-to-end");
        String eventId = podium.publishedEvent("e2e", "Summer school", RATE * (int) DURATION.toSeconds() + 100);
        podium.awaitQuiet(Duration.ofMinutes(5));
        mail.purge();
        mail.keepMessages(true);
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Load.Run rsvps = Load.steady(RATE, DURATION, i -> podium.http.postAsync(podium.rsvpUrl(eventId),
                podium.rsvpJson("Attendee " + i, "e2e-" + i + "@bench.podium.test")), (i, response, at) -> {
            if (response.statusCode() == 201) {
                answeredAt.put("e2e-" + i + "@bench.podium.test", at);
            }
        });
        mail.await(recipient -> recipient.startsWith("e2e-"), answeredAt.size(), Duration.ofMinutes(3));
        Map<String, Long> arrivedAt = mail.arrivalByRecipient(recipient -> recipient.startsWith("e2e-"));
        Latencies latencies = new Latencies();
        answeredAt.forEach((email, answered) -> {
            Long arrived = arrivedAt.get(email);
            if (arrived == null) {
                throw new IllegalStateException("No confirmation for " + email);
            }
            latencies.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, arrived - answered)));
        });
        report.note(String.format("End to end: %d RSVPs (%s), %d confirmations matched", rsvps.total(), rsvps.statuses(),
                latencies.count()));
        mail.keepMessages(false);
        MimeMessage sample = Mail.parse(mail.arrivals(recipient -> recipient.startsWith("e2e-")).get(0));
        podium.awaitQuiet(Duration.ofMinutes(2));
        mail.purge();
        Latencies floor = smtpFloor(sample, Duration.ofSeconds(20));
        mail.purge();
        double p50 = latencies.percentileMillis(50);
        double p99 = latencies.percentileMillis(99);
        report.add(new Report.Figure(section, "RSVP 201 → confirmation in the SMTP server, p50 at 50/s (baseline: direct send)",
                p50, floor.percentileMillis(50), "ms", false, null, null));
        report.add(new Report.Figure(section, "RSVP 201 → confirmation in the SMTP server, p99 at 50/s (baseline: direct send)",
                p99, floor.percentileMillis(99), "ms", false, "< 1,000 ms", p99 < 1000));
    }

    private Latencies smtpFloor(MimeMessage sample, Duration duration) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.host());
        properties.put("mail.smtp.port", String.valueOf(mail.port()));
        Session session = Session.getInstance(properties);
        Latencies latencies = new Latencies();
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        int sends = (int) (RATE * duration.toSeconds());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            long started = System.nanoTime();
            for (int i = 0; i < sends; i++) {
                long due = started + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                MimeMessage message = new MimeMessage(sample);
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("floor-" + i + "@bench.podium.test"));
                transport.sendMessage(message, message.getAllRecipients());
                latencies.add(System.nanoTime() - due);
            }
        }
        return latencies;
    }
}
