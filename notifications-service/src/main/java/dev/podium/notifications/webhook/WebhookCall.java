package dev.podium.notifications.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;

/** One signed POST, composed for one delivery: to the address its URL's host resolved to when checked. */
record WebhookCall(long deliveryId, String endpointId, URI uri, InetAddress address, Map<String, String> headers, byte[] body) {
}
