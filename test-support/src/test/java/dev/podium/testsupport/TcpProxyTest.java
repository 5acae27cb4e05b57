package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;

    @BeforeEach
    void echoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread connection = new Thread(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // closed
                        }
                    });
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    @Test
    void forwardsThenCutsEveryConnectionAndRefusesNewOnesUntilRestored() throws IOException {
        try (TcpProxy proxy = TcpProxy.to(echo.getInetAddress().getHostAddress(), echo.getLocalPort())) {
            Socket before = new Socket(proxy.host(), proxy.port());
            assertThat(roundTrip(before, "hello")).isEqualTo("hello");

            proxy.cut();
            before.setSoTimeout(5_000);
            assertThat(endOfStreamOrReset(before)).as("the open connection is closed").isTrue();
            assertThatThrownBy(() -> new Socket(proxy.host(), proxy.port())).isInstanceOf(ConnectException.class);

            proxy.restore();
            try (Socket after = new Socket(proxy.host(), proxy.port())) {
                assertThat(roundTrip(after, "again")).isEqualTo("again");
            }
            before.close();
        }
    }

    @Test
    void rewritesTheHostAndPortOfAJdbcUrl() {
        try (TcpProxy proxy = TcpProxy.toJdbcUrl("jdbc:mysql://127.0.0.1:" + echo.getLocalPort() + "/podium_events?connectTimeout=2000")) {
            assertThat(proxy.jdbcUrl("jdbc:mysql://127.0.0.1:" + echo.getLocalPort() + "/podium_events?connectTimeout=2000"))
                    .isEqualTo("jdbc:mysql://127.0.0.1:" + proxy.port() + "/podium_events?connectTimeout=2000");
        }
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readNBytes(text.length());
        return new String(answer);
    }

    private static boolean endOfStreamOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
