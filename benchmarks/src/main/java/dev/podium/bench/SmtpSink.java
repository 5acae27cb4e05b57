package dev.podium.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP server that accepts every message and records its recipient and arrival time: the
 * mail server of the fan-out and end-to-end benchmarks. GreenMail, the local stack's mail server, files
 * each message in a per-recipient mailbox found by a linear scan (HierarchicalFolder.getChild, and
 * UserManager.createUser for a new address): with 20,000 recipients it accepts about 80 messages/s and
 * would measure itself, not Podium. This server keeps the messages in memory, in arrival order.
 */
final class SmtpSink implements AutoCloseable {

    /** One accepted message: its first recipient, the wall-clock millis when its DATA ended, its bytes. */
    record Arrival(String recipient, long receivedAtMillis, byte[] data) {
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Arrival> arrivals = new ArrayList<>();
    private volatile boolean keepData;

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Whether to keep each message's bytes (the fan-out's baseline sends the same messages again). */
    void keepData(boolean keep) {
        keepData = keep;
    }

    synchronized int count() {
        return arrivals.size();
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    synchronized void clear() {
        arrivals.clear();
    }

    private synchronized void arrived(Arrival arrival) {
        arrivals.add(arrival);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.podium.test ESMTP");
            String recipient = null;
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink.podium.test\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 sink.podium.test");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (recipient == null) {
                            recipient = address(line);
                        }
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] data = readData(in);
                        arrived(new Arrival(recipient == null ? "" : recipient, System.currentTimeMillis(), keepData ? data : null));
                        recipient = null;
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String address(String line) {
        int start = line.indexOf('<');
        int end = line.indexOf('>', start + 1);
        String address = start >= 0 && end > start ? line.substring(start + 1, end) : line.substring(line.indexOf(':') + 1).strip();
        return address.toLowerCase(Locale.ROOT);
    }

    /** The message up to the line holding a single dot, with dot-stuffing undone. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(8192);
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            data.writeBytes((line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }

    /** A CRLF- (or LF-) terminated line, as ISO-8859-1 so that the bytes survive; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(80);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
