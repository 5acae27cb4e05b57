package dev.podium.notifications.delivery;

import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.notification.NotificationStore;
import dev.podium.notifications.notification.StoredNotification;
import dev.podium.notifications.unsubscribe.Unsubscriptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reasons not to send each of a claim's deliveries: the address was suppressed after a permanent
 * failure, or its owner unsubscribed from the group's (or every group's) bulk mail. Checked when the
 * deliveries are claimed, moments before they go out.
 */
final class SkipReasons {

    static final String SUPPRESSED = "address suppressed after a permanent failure";
    static final String UNSUBSCRIBED = "recipient unsubscribed";

    private SkipReasons() {
    }

    static Map<Long, String> of(List<ClaimedDelivery> claimed, NotificationStore notifications, Audience audience,
                                Unsubscriptions unsubscriptions) {
        Map<Long, String> reasons = new HashMap<>();
        List<String> emails = claimed.stream().map(ClaimedDelivery::email).filter(Objects::nonNull).distinct().toList();
        Set<String> suppressed = audience.suppressedAmong(emails);
        Map<String, List<ClaimedDelivery>> bulkByGroup = new HashMap<>();
        for (ClaimedDelivery delivery : claimed) {
            if (delivery.email() == null) {
                continue;
            }
            if (suppressed.contains(Recipient.normalise(delivery.email()))) {
                reasons.put(delivery.id(), SUPPRESSED);
                continue;
            }
            StoredNotification notification = notifications.find(delivery.notificationId()).orElse(null);
            if (notification != null && notification.kind().bulk()) {
                bulkByGroup.computeIfAbsent(Objects.requireNonNullElse(notification.groupId(), ""), group -> new ArrayList<>())
                        .add(delivery);
            }
        }
        bulkByGroup.forEach((groupId, deliveries) -> {
            Set<String> unsubscribed = unsubscriptions.unsubscribedAmong(
                    deliveries.stream().map(ClaimedDelivery::email).distinct().toList(), groupId.isEmpty() ? null : groupId);
            deliveries.stream().filter(d -> unsubscribed.contains(d.email().toLowerCase(Locale.ROOT)))
                    .forEach(d -> reasons.put(d.id(), UNSUBSCRIBED));
        });
        return reasons;
    }
}
