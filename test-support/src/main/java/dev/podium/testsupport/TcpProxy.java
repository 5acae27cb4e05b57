package dev.podium.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a loopback port in front of one server, so that a test can take that server away
 * from one application without stopping it for the others: {@link #cut()} closes every connection
 * and stops listening (new connections are refused, as by a stopped server), {@link #restore()}
 * listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern JDBC_HOST_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^/:?]+):(\\d+)(.*)$");

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptor;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = FreePort.find();
        listen();
    }

    /** Listens on a free loopback port and forwards every connection to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    /** A proxy to the host and port of a JDBC URL such as {@code jdbc:mysql://127.0.0.1:3306/db?…}. */
    public static TcpProxy toJdbcUrl(String jdbcUrl) {
        Matcher url = matchJdbc(jdbcUrl);
        return to(url.group(2), Integer.parseInt(url.group(3)));
    }

    /**
     * Puts a proxy between a test's application and its database: {@code properties} (a test's
     * {@code getProperties()}, mutable) get their {@code datasources.default.url} through it.
     */
    public static TcpProxy inFrontOfDatabase(Map<String, String> properties) {
        String url = properties.get("datasources.default.url");
        TcpProxy proxy = toJdbcUrl(url);
        properties.put("datasources.default.url", proxy.jdbcUrl(url));
        return proxy;
    }

    /** The same JDBC URL, through this proxy. */
    public String jdbcUrl(String jdbcUrl) {
        Matcher url = matchJdbc(jdbcUrl);
        return url.group(1) + host() + ":" + port + url.group(4);
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public int port() {
        return port;
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
    public void cut() {
        ServerSocket closing;
        Thread accepting;
        synchronized (this) {
            closing = listener;
            accepting = acceptor;
            listener = null;
            acceptor = null;
        }
        closeQuietly(closing);
        if (accepting != null) {
            // The JDK closes a listening socket for good only once the thread blocked in accept() has left it;
            // until then the kernel would still complete new connections.
            try {
                accepting.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
            sockets.clear();
        }
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (listener == null) {
            listen();
        }
    }

    @Override
    public void close() {
        cut();
    }

    private synchronized void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
            acceptor = daemon("tcp-proxy-" + port + "-accept", () -> accept(socket));
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed by cut()
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            synchronized (this) {
                if (listener != server) { // cut while connecting
                    closeQuietly(client);
                    closeQuietly(upstream);
                    return;
                }
                sockets.add(client);
                sockets.add(upstream);
            }
            daemon("tcp-proxy-" + port + "-up", () -> pipe(client, upstream)).start();
            daemon("tcp-proxy-" + port + "-down", () -> pipe(upstream, client)).start();
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed or was cut: the other side is closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static Matcher matchJdbc(String jdbcUrl) {
        Matcher url = JDBC_HOST_PORT.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:<driver>://host:port/… URL: " + jdbcUrl);
        }
        return url;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
