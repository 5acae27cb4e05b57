package dev.podium.notifications.delivery;

/**
 * A channel's delivery table. Every such table has the queue's columns ({@code id}, {@code status},
 * {@code attempts}, {@code next_attempt_at}, {@code lease_until}, {@code sent_at}, {@code last_error},
 * {@code updated_at}); the channel says which of its own columns make a {@link ClaimedDelivery}, and
 * which due rows may be claimed now (a webhook waits for the earlier deliveries of its aggregate to the
 * same endpoint).
 *
 * @param name          the table
 * @param claimed       six SQL expressions over the row (alias {@code d}): the message id, the address,
 *                      the name, the manage URL, the importer and the calendar participation of {@link ClaimedDelivery}
 * @param claimableWhen an SQL condition over the due row {@code d}, without parameters
 */
public record QueueTable(String name, String claimed, String claimableWhen) {

    public static final QueueTable EMAIL = new QueueTable("delivery",
            "d.notification_id, d.email, d.name, d.manage_url, d.imported_by, d.participation", "TRUE");
}
