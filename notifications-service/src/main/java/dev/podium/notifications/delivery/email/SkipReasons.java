package dev.podium.notifications.delivery.email;

import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.delivery.ClaimedDelivery;
import dev.podium.notifications.notification.NotificationStore;
import dev.podium.notifications.notification.StoredNotification;
import dev.podium.notifications.unsubscribe.Unsubscriptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reasons not to send an email: the address was suppressed after a permanent failure, or its
 * owner unsubscribed from the group's (or every group's) bulk mail. Checked when the deliveries are
 * claimed, moments before they go out.
 */
@Singleton
class SkipReasons {

    static final String SUPPRESSED = "address suppressed after a permanent failure";
    static final String UNSUBSCRIBED = "recipient unsubscribed";

    private final NotificationStore notifications;
    private final Audience audience;
    private final Unsubscriptions unsubscriptions;

    SkipReasons(NotificationStore notifications, Audience audience, Unsubscriptions unsubscriptions) {
        this.notifications = notifications;
        this.audience = audience;
        this.unsubscriptions = unsubscriptions;
    }

    /** For a whole claim, in two queries rather than two per email. */
    Map<Long, String> of(List<ClaimedDelivery> claimed) {
        Map<Long, String> reasons = new HashMap<>();
        List<String> emails = claimed.stream().map(ClaimedDelivery::address).filter(Objects::nonNull).distinct().toList();
        Set<String> suppressed = audience.suppressedAmong(emails);
        Map<String, List<ClaimedDelivery>> bulkByGroup = new HashMap<>();
        for (ClaimedDelivery delivery : claimed) {
            if (delivery.address() == null) {
                continue;
            }
            if (suppressed.contains(Recipient.normalise(delivery.address()))) {
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
                    deliveries.stream().map(ClaimedDelivery::address).distinct().toList(), groupId.isEmpty() ? null : groupId);
            deliveries.stream().filter(d -> unsubscribed.contains(d.address().toLowerCase(Locale.ROOT)))
                    .forEach(d -> reasons.put(d.id(), UNSUBSCRIBED));
        });
        return reasons;
    }

    Optional<String> of(StoredNotification notification, ClaimedDelivery delivery) {
        if (audience.isSuppressed(delivery.address())) {
            return Optional.of(SUPPRESSED);
        }
        if (notification.kind().bulk() && unsubscriptions.isUnsubscribed(delivery.address(), notification.groupId())) {
            return Optional.of(UNSUBSCRIBED);
        }
        return Optional.empty();
    }
}
