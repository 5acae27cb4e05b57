package dev.podium.bench;

import dev.podium.bench.SmtpSink.Arrival;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;

/**
 * 2. Announcement fan-out: 20,000 members imported and the event published at once, from
 * POST /events/{id}/publish to the last email accepted by the SMTP server (notifications-service
 * learns the members meanwhile, and the announcement waits for them). Baseline: a Jakarta Mail loop sending the same 20,000 messages to the
 * same server with the same parallelism as notifications-service (MAIL_PARALLELISM, 8).
 */
final class FanOut {

    static final int MEMBERS = Integer.getInteger("bench.members", 20_000);
    static final int PARALLELISM = 8;

    private final Podium podium;
    private final Mail mail;
    private final Report report;

    FanOut(Podium podium, Mail mail, Report report) {
        this.podium = podium;
        this.mail = mail;
        this.report = report;
    }

    void run() throws Exception {
        String section = "2. Announcement fan-out";
        podium.createGroup("fan-out", "Fan-out community");
        podium.allowImportOf("fan-out", MEMBERS);
        String eventId = podium.createEvent("fan-out", "Community night", null);
        podium.awaitQuiet(Duration.ofMinutes(5));
        mail.purge();
        mail.keepMessages(true);

        // As an organiser moving a community does it: import, then publish as soon as the import has
        // answered, without waiting for notifications-service to know the members (issue 14).
        CpuUsage cpu = CpuUsage.start(podium.stack.dataFolder());
        long loadStarted = System.nanoTime();
        podium.importMembers("fan-out", MEMBERS, "fan-");
        long published = System.currentTimeMillis();
        podium.publish(eventId);
        report.note(String.format("Fan-out: %,d members imported (CSV, 5,000 per request, answered in %.1f s), the event published "
                + "at once, before notifications-service knew the members", MEMBERS, (System.nanoTime() - loadStarted) / 1e9));
        List<Arrival> arrived = mail.await(recipient -> recipient.startsWith("fan-"), MEMBERS, Duration.ofMinutes(20));
        report.note("Fan-out: CPU time from the import to the last email: " + cpu.since());
        LongSummaryStatistics times = arrived.stream().mapToLong(Arrival::receivedAtMillis).summaryStatistics();
        double firstSeconds = (times.getMin() - published) / 1000.0;
        double lastSeconds = (times.getMax() - published) / 1000.0;
        double emailsPerSecond = arrived.size() / lastSeconds;
        long distinct = arrived.stream().map(Arrival::recipient).distinct().count();
        report.note(String.format("Fan-out: %,d emails to %,d distinct members; first %.2f s, last %.1f s after publish",
                arrived.size(), distinct, firstSeconds, lastSeconds));
        if (distinct != MEMBERS) {
            throw new IllegalStateException("Expected one email per member, got " + distinct + " distinct recipients");
        }
        podium.awaitQuiet(Duration.ofMinutes(5));

        mail.keepMessages(false);
        List<MimeMessage> messages = arrived.stream().map(Mail::parse).toList();
        mail.purge();
        cpu = CpuUsage.start(podium.stack.dataFolder());
        MailLoopBaseline.Result baseline = MailLoopBaseline.send(messages, mail.host(), mail.port(), PARALLELISM);
        report.note("Fan-out: CPU time during the Jakarta Mail loop: " + cpu.since());
        if (mail.arrivals(recipient -> recipient.startsWith("fan-")).size() != MEMBERS) {
            throw new IllegalStateException("The baseline's messages did not all arrive");
        }
        mail.purge();
        report.add(new Report.Figure(section, "20,000 announcements: emails/s, publish to last email (baseline: Jakarta Mail loop, "
                + PARALLELISM + " connections)", emailsPerSecond, baseline.perSecond(), "/s", true, "≥ 70 % of the loop",
                emailsPerSecond >= 0.7 * baseline.perSecond()));
        report.add(new Report.Figure(section, "time from publish to the last email (baseline: the loop's duration)",
                lastSeconds, baseline.elapsed().toMillis() / 1000.0, "s", false, null, null));
        report.add(new Report.Figure(section, "time from publish to the first email (baseline: the loop's first)",
                firstSeconds * 1000, baseline.firstAccepted().toMillis(), "ms", false, "< 1,000 ms", firstSeconds < 1));
    }
}
