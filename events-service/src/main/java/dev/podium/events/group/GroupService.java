package dev.podium.events.group;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.BadRequest;
import dev.podium.api.RuleViolation;
import dev.podium.contracts.Streams;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.LeaveReason;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.events.links.SignedLinks;
import dev.podium.events.quota.GroupQuotas;
import dev.podium.events.support.Ids;
import dev.podium.events.support.TimeZones;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.persistence.DuplicateKey;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Collection;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups, their organisers and members. A method that takes the {@link Caller} checks, through
 * {@link GroupAccess}, that the caller may act before the transaction of the change opens, as a
 * separate call into this bean (so Micronaut's interceptor opens it): a change that starts by locking a
 * row then reads what was last committed, not a snapshot taken by the check's reads.
 */
@Singleton
public class GroupService {

    private final GroupRepository groups;
    private final OrganiserRepository organisers;
    private final MemberRepository members;
    private final Outbox outbox;
    private final SignedLinks links;
    private final GroupAccess access;
    private final GroupQuotas quotas;
    private final ImportedMembers importedMembers;
    private final Clock clock;

    GroupService(GroupRepository groups, OrganiserRepository organisers, MemberRepository members, Outbox outbox,
                 SignedLinks links, GroupAccess access, GroupQuotas quotas, ImportedMembers importedMembers, Clock clock) {
        this.groups = groups;
        this.organisers = organisers;
        this.members = members;
        this.importedMembers = importedMembers;
        this.outbox = outbox;
        this.links = links;
        this.access = access;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The creator is the group's first organiser; the request may name co-organisers. */
    @Transactional
    public GroupView create(GroupRequest request, Caller creator) {
        if (creator.email() == null || !creator.emailVerified()) {
            throw new RuleViolation("verified-email-required", "A verified email is needed",
                    "Organisers receive the group's notifications: sign in with an account whose email is verified");
        }
        TimeZones.parse(request.timeZone());
        Instant now = clock.instant();
        EventGroup group = new EventGroup(Ids.newId(), request.slug(), request.name(), request.description(),
                request.timeZone(), request.language(), now);
        try {
            groups.save(group);
        } catch (DataAccessException e) {
            if (DuplicateKey.any(e)) {
                throw new Conflict("slug-taken", "Slug already taken", "A group with slug '" + request.slug() + "' exists");
            }
            throw e;
        }
        List<PersonRequest> coOrganisers = request.coOrganisers().stream()
                .filter(person -> !person.email().equalsIgnoreCase(creator.email()))
                .toList();
        if (coOrganisers.stream().map(p -> p.email().toLowerCase(Locale.ROOT)).distinct().count() != coOrganisers.size()) {
            throw new BadRequest("duplicate-organiser", "Organiser listed twice", "Each organiser's email must appear once");
        }
        List<Organiser> added = new ArrayList<>();
        added.add(new Organiser(Ids.newId(), group.id(), creator.sub(),
                creator.name() == null || creator.name().isBlank() ? creator.email() : creator.name(), creator.email(), 0, now));
        for (int i = 0; i < coOrganisers.size(); i++) {
            PersonRequest person = coOrganisers.get(i);
            added.add(new Organiser(Ids.newId(), group.id(), person.sub(), person.name(), person.email(), i + 1, now));
        }
        organisers.saveAll(added);
        outbox.appendChange(new GroupCreated(group.id(), group.slug(), group.name(), group.description(), group.timeZone(),
                group.language(), added.stream().map(GroupService::ref).toList(), now), Streams.groupMembers(group.id()));
        return view(group, true);
    }

    /** Organisers' addresses are shown to the group's organisers and admins only. */
    @Transactional(readOnly = true)
    public Optional<GroupView> find(String slug, Optional<Caller> caller) {
        return groups.findBySlug(slug).map(group -> view(group, access.organises(group.id(), caller)));
    }

    /** Organisers of the group and admins: 404 for an unknown slug, else 403. */
    public GroupView addOrganiser(String slug, PersonRequest request, Caller caller) {
        return addOrganiser(access.requireOrganiser(slug, caller), request);
    }

    @Transactional
    GroupView addOrganiser(EventGroup group, PersonRequest request) {
        String slug = group.slug();
        Organiser organiser = new Organiser(Ids.newId(), group.id(), request.sub(), request.name(), request.email(),
                organisers.countByGroupId(group.id()), clock.instant());
        try {
            organisers.save(organiser);
        } catch (DataAccessException e) {
            if (DuplicateKey.any(e)) {
                throw new Conflict("organiser-exists", "Already an organiser", request.email() + " already organises " + slug);
            }
            throw e;
        }
        outbox.appendChange(new OrganiserAdded(group.id(), group.slug(), ref(organiser), organiser.addedAt()),
                Streams.groupMembers(group.id()));
        return view(group, true);
    }

    /** Joining through the API is pending until the member follows the emailed opt-in link. */
    @Transactional
    public JoinResult join(String slug, PersonRequest request) {
        EventGroup group = require(slug);
        Optional<Member> existing = members.findByGroupIdAndEmailAndStatusNotEqual(group.id(), request.email(), MemberStatus.LEFT);
        if (existing.isPresent()) {
            return new JoinResult(MemberView.withoutPerson(existing.get(), slug), false);
        }
        Member member = insertPending(group, request);
        return new JoinResult(MemberView.of(member, slug), true);
    }

    /**
     * Members who consented elsewhere (a community moving from another platform) are active at once.
     * Their emails name who imported them; the group's import quota bounds how many a day, and an
     * import over it changes nothing. Organisers of the group and admins: 404 for an unknown slug, else 403.
     */
    public ImportReport importMembers(String slug, String csv, Caller importer) {
        return importMembers(access.requireOrganiser(slug, importer), csv, importer);
    }

    @Transactional
    ImportReport importMembers(EventGroup group, String csv, Caller importer) {
        List<PersonRequest> people = MemberCsv.parse(csv);
        String addedBy = importerName(group, importer);
        List<Member> imported = importedMembers.addNew(group.id(), people, clock.instant());
        quotas.importing(group.id(), imported.size());
        outbox.appendChanges(imported.stream().map(member -> joined(group, member, addedBy)).toList(),
                Streams.groupMembers(group.id()));
        return new ImportReport(imported.size(), people.size() - imported.size());
    }

    /** The name the group lists the importing organiser under; an admin who is not one is named as such. */
    private String importerName(EventGroup group, Caller importer) {
        return organisers.listed(group.id()).stream()
                .filter(organiser -> importer.is(organiser.sub(), organiser.email()))
                .map(Organiser::name)
                .findFirst()
                .orElse(importer.admin() ? "a Podium administrator" : importer.name());
    }

    @Transactional
    public MemberView confirm(String slug, String memberId, String token) {
        links.require(SignedLinks.CONFIRM_MEMBERSHIP, memberId, token);
        EventGroup group = require(slug);
        // Locked before it is read: a removal, an opt-out or an erasure committed meanwhile is seen, not overwritten.
        Member member = members.lock(memberId, group.id()).orElseThrow(() -> new NotFound("member", memberId));
        if (member.status() == MemberStatus.LEFT) {
            throw new Conflict("membership-ended", "Membership ended", "This membership has ended; join again");
        }
        if (member.status() == MemberStatus.PENDING) {
            member = members.update(member.confirm(clock.instant()));
            outbox.appendChange(new MemberConfirmed(group.id(), group.slug(), member.id(), member.email(), member.confirmedAt()),
                    Streams.groupMembers(group.id()));
        }
        return MemberView.of(member, slug);
    }

    /**
     * For the member, through their opt-in link ({@code token}), or for the group's organisers and
     * admins; to anyone else the membership answers 404, as an unknown id does.
     */
    public void removeMember(String slug, String memberId, @Nullable String token, Optional<Caller> caller) {
        EventGroup group = require(slug);
        access.requireLinkOrOrganiser(SignedLinks.CONFIRM_MEMBERSHIP, "member", memberId, token, group::id, caller);
        removeMember(group, memberId);
    }

    /**
     * Ends a membership and erases the person from its row. MemberLeft still names the address, so
     * that notifications-service stops writing to it; the outbox forgets every message about the
     * membership once that one is relayed.
     */
    @Transactional
    public void removeMember(EventGroup group, String memberId) {
        Member member = members.lock(memberId, group.id()).orElseThrow(() -> new NotFound("member", memberId));
        Instant now = clock.instant();
        if (member.status() != MemberStatus.LEFT) {
            outbox.appendChange(new MemberLeft(group.id(), group.slug(), member.id(), member.email(), LeaveReason.REMOVED, now),
                    Streams.groupMembers(group.id()));
        }
        members.update(member.erase(now));
        outbox.forget(member.id());
    }

    /**
     * Part of a person's erasure: their memberships end without a trace of them (PersonErased tells
     * the other services), and their organiser rows go. A group left without organisers is managed
     * by admins until they add one. Returns the groups the person was in.
     */
    public Set<String> erasePerson(String email, @Nullable String sub) {
        Instant now = clock.instant();
        Set<String> groupIds = new TreeSet<>(organisers.findGroupIdsOfPerson(email, sub));
        for (Member member : members.lockByEmail(email)) {
            groupIds.add(member.groupId());
            members.update(member.erase(now));
        }
        organisers.deleteByEmail(email);
        if (sub != null) {
            organisers.deleteBySub(sub);
        }
        return groupIds;
    }

    /** An opt-out recorded by notifications-service: for one group, or for every group when groupId is null. */
    @Transactional
    public void unsubscribe(String email, String groupId) {
        for (Member member : members.lockByEmail(email)) {
            if (member.status() != MemberStatus.LEFT && (groupId == null || groupId.equals(member.groupId()))) {
                groups.findById(member.groupId()).ifPresent(group -> leave(group, member, LeaveReason.UNSUBSCRIBED));
            }
        }
    }

    public Map<String, EventGroup> findAllById(Collection<String> groupIds) {
        return groups.findByIdIn(groupIds).stream().collect(Collectors.toMap(EventGroup::id, Function.identity()));
    }

    public EventGroup requireById(String groupId) {
        return groups.findById(groupId).orElseThrow(() -> new NotFound("group", groupId));
    }

    public EventGroup require(String slug) {
        return groups.findBySlug(slug).orElseThrow(() -> new NotFound("group", slug));
    }

    private void leave(EventGroup group, Member member, LeaveReason reason) {
        if (member.status() == MemberStatus.LEFT) {
            return;
        }
        Member left = members.update(member.leave(clock.instant()));
        outbox.appendChange(new MemberLeft(group.id(), group.slug(), left.id(), left.email(), reason, left.leftAt()),
                Streams.groupMembers(group.id()));
    }

    private Member insertPending(EventGroup group, PersonRequest person) {
        Member member = new Member(Ids.newId(), group.id(), person.name(), person.email(), MembershipSource.JOINED,
                MemberStatus.PENDING, clock.instant(), null, null);
        try {
            members.save(member);
        } catch (DataAccessException e) {
            if (DuplicateKey.any(e)) {
                throw new Conflict("already-member", "Already a member", person.email() + " joined at the same moment");
            }
            throw e;
        }
        outbox.appendChange(joined(group, member, null), Streams.groupMembers(group.id()));
        return member;
    }

    /** A pending member's message carries their signed opt-in link. */
    private MemberJoined joined(EventGroup group, Member member, @Nullable String addedBy) {
        boolean pending = member.status() == MemberStatus.PENDING;
        return new MemberJoined(group.id(), group.slug(), group.name(), group.language(), member.id(),
                member.name(), member.email(), member.source(), !pending,
                pending ? links.url("/groups/" + group.slug() + "/members/" + member.id() + "/confirmation",
                        SignedLinks.CONFIRM_MEMBERSHIP, member.id()) : null,
                member.joinedAt(), addedBy);
    }

    private GroupView view(EventGroup group, boolean withEmails) {
        List<GroupView.OrganiserView> organiserViews = organisers.listed(group.id()).stream()
                .map(o -> new GroupView.OrganiserView(o.id(), o.name(), withEmails ? o.email() : null))
                .toList();
        return new GroupView(group.id(), group.slug(), group.name(), group.description(), group.timeZone(),
                group.language(), organiserViews, members.countByGroupIdAndStatus(group.id(), MemberStatus.ACTIVE),
                group.createdAt());
    }

    private static PersonRef ref(Organiser organiser) {
        return new PersonRef(organiser.sub(), organiser.name(), organiser.email());
    }

    /** A membership and whether this request created it (else it already existed). */
    public record JoinResult(MemberView member, boolean created) {
    }
}
