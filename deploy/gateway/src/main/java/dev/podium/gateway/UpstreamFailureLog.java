package dev.podium.gateway;

import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a service stops being reachable and when it answers again, once each, instead of a
 * warning per request while it is down (a restart would otherwise flood the log).
 */
@Singleton
final class UpstreamFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFilter.class);

    private final Map<Upstream, Boolean> down = new EnumMap<>(Upstream.class);

    synchronized void unreachable(Upstream upstream, String base, String why) {
        if (down.put(upstream, Boolean.TRUE) == null) {
            LOG.warn("{} cannot be reached at {} ({}): answering 502 until it can", upstream.serviceName(), base, why);
        }
    }

    void timedOut(Upstream upstream, String request) {
        LOG.warn("{} did not answer {} within the read timeout (GATEWAY_READ_TIMEOUT): answered 504",
                upstream.serviceName(), request);
    }

    void succeeded(Upstream upstream) {
        // Read without the lock first: this runs on every answer.
        if (down.get(upstream) != null) {
            synchronized (this) {
                if (down.remove(upstream) != null) {
                    LOG.info("{} answers again", upstream.serviceName());
                }
            }
        }
    }
}
