package dev.podium.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;

/** The SMTP server's limit: a plain Jakarta Mail loop sending given messages, each sender on its own open connection. */
final class MailLoopBaseline {

    record Result(Duration elapsed, Duration firstAccepted, int sent) {
        double perSecond() {
            return sent / (elapsed.toNanos() / 1e9);
        }
    }

    private MailLoopBaseline() {
    }

    static Result send(List<MimeMessage> messages, String host, int port, int parallelism) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        ExecutorService senders = Executors.newFixedThreadPool(parallelism);
        AtomicInteger next = new AtomicInteger();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        long started = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            done.add(senders.submit(() -> {
                int sent = 0;
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
                        MimeMessage message = messages.get(i);
                        transport.sendMessage(message, message.getAllRecipients());
                        first.accumulateAndGet(System.nanoTime(), Math::min);
                        sent++;
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException("The baseline could not send", e);
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> future : done) {
            sent += future.get();
        }
        senders.shutdown();
        return new Result(Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(first.get() - started), sent);
    }
}
