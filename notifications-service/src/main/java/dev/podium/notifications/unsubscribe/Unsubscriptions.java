package dev.podium.notifications.unsubscribe;

import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.persistence.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records opt-outs. Every later send leaves the address out (see {@code Audience} and the sender's
 * last check), and events-service hears of it through {@link MemberUnsubscribed} on the outbox.
 * Rows are {@link Unsubscription}s, looked up through their repository and recorded with
 * {@code INSERT IGNORE} on Sql (see {@link UnsubscriptionRepository}).
 */
@Singleton
public class Unsubscriptions {

    private final Sql sql;
    private final UnsubscriptionRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    Unsubscriptions(Sql sql, UnsubscriptionRepository repository, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the opt-out once; a second click on the same link changes nothing and publishes nothing. */
    @Transactional
    public boolean unsubscribe(UnsubscribeTokens.Optout optout) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int inserted = sql.update("INSERT IGNORE INTO unsubscription (email, scope, id, unsubscribed_at) VALUES (?, ?, ?, ?)",
                optout.email(), optout.scope(), id, now);
        if (inserted == 0) {
            return false;
        }
        outbox.append(new MemberUnsubscribed(id, optout.allGroups() ? null : optout.scope(), optout.email(), now));
        return true;
    }

    /** Those of the addresses (lowercased) that unsubscribed from the group or from every group, in one query. */
    public Set<String> unsubscribedAmong(Collection<String> emails, String groupId) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return repository.findByKeyEmailInAndKeyScopeIn(emails, scopes(groupId)).stream()
                .map(unsubscription -> unsubscription.key().email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    public boolean isUnsubscribed(String email, String groupId) {
        return repository.existsByKeyEmailAndKeyScopeIn(email, scopes(groupId));
    }

    /** An opt-out from the group or from every group; a notification of no group only heeds the latter. */
    private static List<String> scopes(String groupId) {
        return List.of(groupId == null ? UnsubscribeTokens.ALL_GROUPS : groupId, UnsubscribeTokens.ALL_GROUPS);
    }
}
