package dev.podium.notifications.audience;

import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who can be told about what: the groups, their organisers and members, and each event's attendees,
 * as last heard from the topics (see {@link AudienceUpdates}). Opt-outs and suppressed addresses are
 * left out of every list meant for a bulk send. Groups, organisers and suppressions are plain rows,
 * read through their repositories; the lists of members and attendees leave out opt-outs and
 * suppressions in the same query, and members are read as of a membership version: those stay Sql.
 */
@Singleton
public class Audience {

    private static final String NOT_OPTED_OUT =
            " AND NOT EXISTS (SELECT 1 FROM unsubscription u WHERE u.email = %1$s.email AND u.scope IN (?, '*'))"
            + " AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.email_sha256 = SHA2(%1$s.email, 256))";

    private final Sql sql;
    private final AudienceGroupRepository groups;
    private final GroupOrganiserRepository organisers;
    private final SuppressionRepository suppressions;

    Audience(Sql sql, AudienceGroupRepository groups, GroupOrganiserRepository organisers, SuppressionRepository suppressions) {
        this.sql = sql;
        this.groups = groups;
        this.organisers = organisers;
        this.suppressions = suppressions;
    }

    public Optional<GroupInfo> group(String groupId) {
        return groups.findByGroupId(groupId).map(AudienceGroup::info);
    }

    public Optional<GroupInfo> groupBySlug(String slug) {
        return groups.findBySlug(slug).map(AudienceGroup::info);
    }

    /** Confirmed (double opt-in done) members who have not opted out of the group's email. */
    public List<Recipient> members(String groupId) {
        return sql.list("SELECT m.email, m.name, m.imported_by FROM group_member m WHERE m.group_id = ? AND m.confirmed"
                        + " AND m.left_version IS NULL" + NOT_OPTED_OUT.formatted("m") + " ORDER BY m.email",
                row -> Recipient.member(row.getString(1), row.getString(2), row.getString(3)), groupId, groupId);
    }

    /**
     * The confirmed members the group had at its membership version {@code version} (see
     * {@code Streams.groupMembers}), who have not opted out: those who joined and confirmed by then
     * and had not left. Rows of messages without a version count as from the start.
     */
    public List<Recipient> membersAt(String groupId, long version) {
        return sql.list("SELECT m.email, m.name, m.imported_by FROM group_member m WHERE m.group_id = ? AND m.confirmed"
                        + " AND COALESCE(m.joined_version, 0) <= ? AND COALESCE(m.confirmed_version, 0) <= ?"
                        + " AND (m.left_version IS NULL OR m.left_version > ?)"
                        + NOT_OPTED_OUT.formatted("m") + " ORDER BY m.email",
                row -> Recipient.member(row.getString(1), row.getString(2), row.getString(3)), groupId, version, version, version,
                groupId);
    }

    /** Attendees with one of the given statuses, each with the signed link that manages their RSVP. */
    public List<Recipient> attendees(String eventId, String groupId, List<String> statuses) {
        String placeholders = String.join(", ", statuses.stream().map(status -> "?").toList());
        Object[] parameters = new Object[statuses.size() + 2];
        parameters[0] = eventId;
        for (int i = 0; i < statuses.size(); i++) {
            parameters[i + 1] = statuses.get(i);
        }
        parameters[parameters.length - 1] = groupId;
        return sql.list("SELECT a.email, a.name, a.manage_url, a.status FROM event_attendee a WHERE a.event_id = ? AND a.status IN ("
                        + placeholders + ")" + NOT_OPTED_OUT.formatted("a") + " ORDER BY a.email",
                row -> new Recipient(row.getString(1), row.getString(2), row.getString(3))
                        .withParticipation(participation(row.getString(4))), parameters);
    }

    /** The calendar PARTSTAT of an RSVP status: a confirmed seat is accepted, a waitlisted one tentative. */
    public static String participation(String rsvpStatus) {
        return switch (rsvpStatus) {
            case "CONFIRMED" -> "ACCEPTED";
            case "WAITLISTED" -> "TENTATIVE";
            default -> null;
        };
    }

    public List<Recipient> organisers(String groupId) {
        return organisers.findByKeyGroupIdOrderByKeyEmail(groupId).stream()
                .map(organiser -> Recipient.of(organiser.key().email(), organiser.name()))
                .toList();
    }

    /** Those of the addresses (normalised) that are suppressed, in one query. */
    public Set<String> suppressedAmong(Collection<String> emails) {
        Map<String, String> byHash = new HashMap<>();
        emails.forEach(email -> byHash.put(sha256(Recipient.normalise(email)), Recipient.normalise(email)));
        if (byHash.isEmpty()) {
            return Set.of();
        }
        Set<String> suppressed = new HashSet<>();
        suppressions.findByEmailSha256In(byHash.keySet())
                .forEach(suppression -> suppressed.add(byHash.get(suppression.emailSha256().toLowerCase(Locale.ROOT))));
        return suppressed;
    }

    /** What MySQL's SHA2(email, 256) gives for a utf8mb4 string: lowercase hex of its UTF-8 bytes. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public boolean isSuppressed(String email) {
        return suppressions.existsByEmailSha256(sha256(Recipient.normalise(email)));
    }
}
