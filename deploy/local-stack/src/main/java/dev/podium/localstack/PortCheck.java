package dev.podium.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fails fast, before anything starts, if a port the stack needs is taken or configured twice. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(Map<String, Integer> portsByVariable) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        portsByVariable.forEach((variable, port) -> {
            String other = seen.putIfAbsent(port, variable);
            if (other != null) {
                problems.add("port " + port + " is configured twice: " + other + " and " + variable);
            } else if (!isFree(port)) {
                problems.add("port " + port + " is already in use: " + variable);
            }
        });
        if (!problems.isEmpty()) {
            throw new StackException("Cannot start: " + String.join("; ", problems) + ".\n"
                    + "Stop whatever listens there (`ss -ltnp` shows it), or choose other ports, for example "
                    + "PODIUM_DB_PORT=3307 ./podium up");
        }
    }

    /** Free if we can listen on it both on all interfaces and on the loopback address. */
    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port))
                && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
