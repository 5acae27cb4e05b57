package dev.podium.notifications.webhook;

import java.util.Arrays;
import java.util.List;

/** An endpoint's subscribed types as stored: their wire names, comma-separated. */
final class EndpointTypes {

    private EndpointTypes() {
    }

    static String store(List<WebhookType> types) {
        return String.join(",", types.stream().map(WebhookType::wireName).distinct().toList());
    }

    static List<String> read(String stored) {
        return Arrays.stream(stored.split(",")).filter(type -> !type.isEmpty()).toList();
    }

    static boolean includes(String stored, WebhookType type) {
        return read(stored).contains(type.wireName());
    }
}
