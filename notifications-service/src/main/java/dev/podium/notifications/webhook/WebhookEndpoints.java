package dev.podium.notifications.webhook;

import dev.podium.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code webhook_endpoint} table. */
@Singleton
class WebhookEndpoints {

    private static final String COLUMNS = "id, group_id, url, types, description, secret, previous_secret, previous_secret_until, "
            + "enabled, disabled_reason, failing_since, created_at";

    private final Sql sql;

    WebhookEndpoints(Sql sql) {
        this.sql = sql;
    }

    void insert(WebhookEndpoint endpoint) {
        sql.update("INSERT INTO webhook_endpoint (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                endpoint.id(), endpoint.groupId(), endpoint.url(), String.join(",", endpoint.types()), endpoint.description(),
                endpoint.secret(), null, null, endpoint.enabled(), null, null, endpoint.createdAt(), endpoint.createdAt());
    }

    Optional<WebhookEndpoint> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?", WebhookEndpoints::endpoint, id);
    }

    List<WebhookEndpoint> ofGroup(String groupId) {
        return sql.list("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE group_id = ? ORDER BY created_at, id",
                WebhookEndpoints::endpoint, groupId);
    }

    void update(String id, String url, List<String> types, @Nullable String description, boolean enabled, Instant now) {
        // Enabling a disabled endpoint starts its failure clock afresh. MySQL assigns left to right: the
        // CASEs read the row's enabled before it is set.
        sql.update("""
                UPDATE webhook_endpoint SET failing_since = CASE WHEN ? AND NOT enabled THEN NULL ELSE failing_since END,
                       disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
                       url = ?, types = ?, description = ?, enabled = ?, updated_at = ?
                WHERE id = ?""", enabled, enabled, url, String.join(",", types), description, enabled, now, id);
    }

    void rotate(String id, String secret, Instant previousValidUntil, Instant now) {
        sql.update("UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = ?, secret = ?, updated_at = ? "
                + "WHERE id = ?", previousValidUntil, secret, now, id);
    }

    void delete(String id) {
        sql.update("DELETE FROM webhook_endpoint WHERE id = ?", id);
    }

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        return new WebhookEndpoint(row.getString("id"), row.getString("group_id"), row.getString("url"),
                EndpointTypes.read(row.getString("types")), row.getString("description"), row.getString("secret"),
                row.getString("previous_secret"), Sql.instant(row, "previous_secret_until"), row.getBoolean("enabled"),
                row.getString("disabled_reason"), Sql.instant(row, "failing_since"), Sql.instant(row, "created_at"));
    }
}
