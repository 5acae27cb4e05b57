package dev.podium.notifications.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to an address already resolved and checked ({@link ReceiverAddresses}). The JDK's
 * HttpClient (and Micronaut's) resolve the host name themselves when they connect, which would let a
 * name re-resolve to an internal address after the check (DNS rebinding); here the socket is opened to
 * the checked address, while TLS still verifies the certificate against the host name (SNI and
 * endpoint identification). Connect timeout, then one deadline for the whole exchange, and at most
 * {@code maxResponseBytes} of the answer are read ({@code Connection: close}, nothing is reused).
 */
final class PinnedHttpPost {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})(?: .*)?$");
    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$|^\\[.*]$|:");

    private PinnedHttpPost() {
    }

    static ReceiverResponse post(URI uri, InetAddress address, Map<String, String> headers, byte[] body,
                                 WebhookSettings settings) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        long deadline = System.nanoTime() + settings.getTimeout().toNanos();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) settings.getConnectTimeout().toMillis());
            if (https) {
                socket = tls(socket, uri.getHost(), port, deadline);
            }
            socket.setSoTimeout(remainingMillis(deadline));
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(uri, port, https, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket, deadline, settings.getMaxResponseBytes());
        } finally {
            socket.close();
        }
    }

    private static Socket tls(Socket plain, String host, int port, long deadline) throws IOException {
        SSLSocket tls;
        try {
            tls = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain, host, port, true);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS context", e);
        }
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!IP_LITERAL.matcher(host).find()) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(remainingMillis(deadline));
        tls.startHandshake();
        return tls;
    }

    private static String requestHead(URI uri, int port, boolean https, Map<String, String> headers, int length) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean defaultPort = port == (https ? 443 : 80);
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: Podium-Webhooks/1\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /**
     * The status line and headers, then the body as far as its length (or chunked end, or the end of
     * the stream) allows, never more than {@code maxBytes} in all.
     */
    private static ReceiverResponse read(Socket socket, long deadline, int maxBytes) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long expectedTotal = -1;
        boolean chunked = false;
        while (received.size() < maxBytes) {
            socket.setSoTimeout(remainingMillis(deadline));
            int read = in.read(buffer, 0, Math.min(buffer.length, maxBytes - received.size()));
            if (read < 0) {
                break;
            }
            received.write(buffer, 0, read);
            byte[] sofar = received.toByteArray();
            if (headEnd < 0) {
                headEnd = indexOf(sofar, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                if (headEnd >= 0) {
                    String head = new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1);
                    String length = header(head, "content-length");
                    chunked = "chunked".equalsIgnoreCase(header(head, "transfer-encoding"));
                    if (length != null) {
                        expectedTotal = headEnd + 4 + Long.parseLong(length.trim());
                    } else if (!chunked && status(head) != null && noBody(status(head))) {
                        expectedTotal = headEnd + 4;
                    }
                }
            }
            if (headEnd >= 0 && (expectedTotal >= 0 && sofar.length >= expectedTotal
                    || chunked && endsWith(sofar, "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))) {
                break;
            }
        }
        byte[] all = received.toByteArray();
        if (headEnd < 0) {
            throw new IOException("no complete HTTP answer in " + all.length + " bytes");
        }
        String head = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1);
        Integer status = status(head);
        if (status == null) {
            throw new IOException("not an HTTP answer: " + head.lines().findFirst().orElse(""));
        }
        String bodyStart = new String(all, headEnd + 4, Math.min(all.length - headEnd - 4, 500), StandardCharsets.UTF_8);
        return new ReceiverResponse(status, header(head, "retry-after"), bodyStart);
    }

    private static boolean noBody(int status) {
        return status == 204 || status == 304 || status < 200;
    }

    private static Integer status(String head) {
        Matcher matcher = STATUS_LINE.matcher(head.lines().findFirst().orElse(""));
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : null;
    }

    private static String header(String head, String name) {
        return head.lines().skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst().orElse(null);
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("the receiver did not answer in time");
        }
        return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    private static int indexOf(byte[] bytes, byte[] target) {
        outer:
        for (int i = 0; i <= bytes.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (bytes[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        if (bytes.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}
