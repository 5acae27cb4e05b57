package dev.podium.talks.cfp;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.RuleViolation;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import dev.podium.talks.catalog.OrganiserAccess;
import dev.podium.talks.support.Times;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Calls for papers: when an event, or a group's open call, takes submissions. Anyone reads them; the
 * group's organisers and admin set them.
 */
@Singleton
public class CfpService {

    private final Sql sql;
    private final Targets targets;
    private final OrganiserAccess access;
    private final Clock clock;

    CfpService(Sql sql, Targets targets, OrganiserAccess access, Clock clock) {
        this.sql = sql;
        this.targets = targets;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public CfpView putForEvent(String eventId, CfpRequest request, Caller caller) {
        Target target = targets.event(eventId);
        access.requireOrganiserOf(target.groupId(), caller);
        Targets.requireOpenForTalks(target.event());
        return put(target, request);
    }

    @Transactional
    public CfpView putForGroup(String slug, CfpRequest request, Caller caller) {
        Target target = targets.group(slug);
        access.requireOrganiserOf(target.groupId(), caller);
        return put(target, request);
    }

    @Transactional(readOnly = true)
    public CfpView getForEvent(String eventId) {
        Target target = targets.event(eventId);
        return find(target).orElseThrow(() -> new NotFound("call-for-papers", eventId));
    }

    @Transactional(readOnly = true)
    public CfpView getForGroup(String slug) {
        Target target = targets.group(slug);
        return find(target).orElseThrow(() -> new NotFound("call-for-papers", slug));
    }

    /** @throws Conflict cfp-closed (409) unless {@code target}'s call for papers is open at {@code now} */
    public void requireOpen(Target target, Instant now) {
        CfpView cfp = find(target).orElseThrow(() -> new Conflict("cfp-closed", "Call for papers closed",
                "There is no call for papers for " + target.describe()));
        if (now.isBefore(cfp.opensAt())) {
            throw new Conflict("cfp-closed", "Call for papers closed",
                    "The call for papers for " + target.describe() + " opens at " + cfp.opensAt());
        }
        if (!now.isBefore(cfp.closesAt())) {
            throw new Conflict("cfp-closed", "Call for papers closed",
                    "The call for papers for " + target.describe() + " closed at " + cfp.closesAt());
        }
    }

    private CfpView put(Target target, CfpRequest request) {
        Instant opensAt = request.opensAt().truncatedTo(ChronoUnit.MICROS);
        Instant closesAt = request.closesAt().truncatedTo(ChronoUnit.MICROS);
        if (!opensAt.isBefore(closesAt)) {
            throw new RuleViolation("invalid-cfp-window", "Invalid call for papers window",
                    "A call for papers must open (" + opensAt + ") before it closes (" + closesAt + ")");
        }
        Instant now = Times.now(clock);
        sql.update("""
                INSERT INTO call_for_papers (target_type, target_id, opens_at, closes_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE opens_at = ?, closes_at = ?, updated_at = ?""",
                target.type(), target.id(), opensAt, closesAt, now, opensAt, closesAt, now);
        return find(target).orElseThrow();
    }

    private Optional<CfpView> find(Target target) {
        Instant now = Times.now(clock);
        return sql.one("SELECT opens_at, closes_at, updated_at FROM call_for_papers WHERE target_type = ? AND target_id = ?",
                row -> {
                    Instant opensAt = Sql.instant(row, "opens_at");
                    Instant closesAt = Sql.instant(row, "closes_at");
                    return new CfpView(target.isEvent() ? target.id() : null, target.groupSlug(), opensAt, closesAt,
                            !now.isBefore(opensAt) && now.isBefore(closesAt), Sql.instant(row, "updated_at"));
                },
                target.type(), target.id());
    }
}
