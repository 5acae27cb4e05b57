package dev.podium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.devissuer.Identity;
import dev.podium.e2e.Mailbox.Mail;
import dev.podium.e2e.Platform.Service;
import dev.podium.testsupport.itip.ItipConformance;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.TestServers;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The story of the seeds (issue 7, steps 1 to 6), told to the three services running as separate
 * processes, through their public HTTP APIs only, and read back from the recipients' mailboxes over
 * IMAP. Steps 1 to 5 follow one meetup and run in order; step 6 (the summer school and the
 * lightning-talk night) stands alone. Each step checks the emails it causes as they arrive (exactly
 * as many as expected so far); the last test checks, after a settling wait, that every mailbox holds
 * exactly the emails of the whole story: no duplicate, nothing to someone who should not get it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryTest {

    /** How long every mailbox must keep its expected content at the end: a duplicate would show by then. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROPAGATION = Duration.ofMinutes(2);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH);
    private static final Pattern OPT_IN_LINK = Pattern.compile("https?://\\S+/confirmation\\?token=\\S+");
    private static final int CAPACITY = 3;
    private static final int MEMBERS = 6;
    /** Members an organiser brings from the community's previous platform, as a CSV export. */
    private static final int IMPORTED = 8;

    private final String run = Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 4);

    private Platform platform;
    private Api events;
    private Api talks;
    private Api notifications;
    private Mailbox mailbox;

    // The meetup's story, carried from one step to the next.
    private Identity organiser;
    private String group;
    private String eventId;
    private LocalDate meetupDay;
    private final Map<Seeds.Talk, Speaker> speakers = new LinkedHashMap<>();
    private List<String> members;
    private String pendingMember;
    private Integer announcementSequence;
    private final List<Attendee> attendees = new ArrayList<>();
    private boolean attendeesDone;
    private boolean moved;
    /** Every email the story sent, by recipient: the last test checks that mailboxes hold these and nothing else. */
    private final Map<String, List<String>> expectedMail = new LinkedHashMap<>();

    private record Speaker(Identity identity, String speakerId, String submissionId) {
        String email() {
            return identity.email();
        }
    }

    private record Attendee(String name, String email, String registrationId, String manageUrl) {
    }

    @BeforeAll
    void startThePlatform() {
        platform = Platform.start("story", Map.of(Service.NOTIFICATIONS, Map.of("UPDATE_WINDOW", "2s")));
        events = new Api(platform.url(Service.EVENTS));
        talks = new Api(platform.url(Service.TALKS));
        notifications = new Api(platform.url(Service.NOTIFICATIONS));
        MailTestServer mail = TestServers.mail();
        mailbox = new Mailbox(mail.host(), mail.imapPort());
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    // ---------------------------------------------------------------- steps 1 and 2

    @Test
    @Order(1)
    void anOrganiserCreatesTheGroupAndVenueAndDraftsMeetup13() {
        organiser = person("orga", "Olga Organiser");
        group = "paris-deep-learning-" + run;
        meetupDay = nextDate(Month.MARCH, 7, DayOfWeek.WEDNESDAY);

        events.post("/groups", token(organiser), Map.of("slug", group, "name", "Paris Deep Learning",
                "description", "Heuritech's Deep Learning Meetup", "timeZone", "Europe/Paris", "language", "en")).expect(201);
        String venue = events.post("/venues", token(organiser), Map.of("name", "Heuritech",
                "address", "248 rue du Faubourg Saint-Antoine", "city", "Paris", "country", "France",
                "capacity", CAPACITY, "notes", "As usual, pizzas and drinks will be provided after the talks.")).expect(201).get("id");
        Api.Answer draft = events.post("/groups/" + group + "/events", token(organiser), Map.of(
                "title", "Deep Learning Meetup #13", "number", 13,
                "description", "Dear DeepLearners, this meetup is a bit more focused into research than usual... To those afraid of math, beware!",
                "startsAt", meetupDay.atTime(19, 0).toString(), "endsAt", meetupDay.atTime(22, 0).toString(),
                "timeZone", "Europe/Paris", "venueId", venue)).expect(201);

        eventId = draft.get("id");
        assertThat(meetupDay.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("startsAt")).isEqualTo(meetupDay + "T19:00:00");
        assertThat(draft.get("timeZone")).isEqualTo("Europe/Paris");
        assertThat(draft.body().path("capacity").asInt()).as("the venue's").isEqualTo(CAPACITY);
        events.get("/events/" + eventId, null).expect(404);
    }

    @Test
    @Order(2)
    void threeSpeakersSubmitTheSeedAbstractsAndTheOrganiserAcceptsAndPlacesThem() {
        assumeTrue(eventId != null, "step 1 did not complete");
        List<Seeds.Talk> seedTalks = Seeds.meetupTalks();
        assertThat(seedTalks).extracting(Seeds.Talk::speaker).containsExactly("Olivier Grisel", "Arthur Mensch", "Diogo Luvizon");

        // talks-service learns of the draft from the events topic; until then the event is unknown to it.
        Instant now = Instant.now();
        awaitStatus(() -> talks.put("/events/" + eventId + "/cfp", token(organiser),
                Map.of("opensAt", now.minus(Duration.ofHours(1)).toString(), "closesAt", now.plus(Duration.ofDays(30)).toString())), 200);

        for (Seeds.Talk talk : seedTalks) {
            Identity identity = person(talk.speaker().toLowerCase(Locale.ROOT).replace(' ', '.'), talk.speaker());
            String speakerId = talks.post("/speakers", token(identity), Map.of("name", talk.speaker(),
                    "affiliation", talk.affiliation())).expect(201).get("id");
            Api.Answer submitted = talks.post("/submissions", token(identity), Map.of("speakerIds", List.of(speakerId),
                    "eventId", eventId, "title", talk.title(), "abstract", talk.abstractText(), "format", "TALK",
                    "durationMinutes", 40, "language", "en", "tags", List.of("deep-learning"))).expect(201);
            assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
            speakers.put(talk, new Speaker(identity, speakerId, submitted.get("id")));
        }
        for (Speaker speaker : speakers.values()) {
            talks.post("/submissions/" + speaker.submissionId() + "/reviews", token(organiser),
                    Map.of("score", 5, "comment", "A perfect fit for the research night")).expect(201);
            talks.post("/submissions/" + speaker.submissionId() + "/accept", token(organiser),
                    Map.of("reason", "Welcome to meetup #13")).expect(200);
        }
        Api.Answer release = talks.post("/events/" + eventId + "/decisions/release", token(organiser), Map.of()).expect(200);
        assertThat(release.body().path("accepted").asInt()).isEqualTo(3);
        for (Speaker speaker : speakers.values()) {
            assertThat(talks.get("/submissions/" + speaker.submissionId(), token(speaker.identity())).expect(200).get("status"))
                    .isEqualTo("ACCEPTED");
        }

        // events-service learns of the accepted talks from the submissions topic: until then a slot naming one is refused.
        List<Map<String, Object>> slots = new ArrayList<>();
        LocalTime start = LocalTime.of(19, 0);
        for (Speaker speaker : speakers.values()) {
            slots.add(slot(meetupDay.atTime(start), meetupDay.atTime(start.plusMinutes(40)), "TALK",
                    title(speaker), speaker.submissionId()));
            start = start.plusMinutes(40);
        }
        slots.add(slot(meetupDay.atTime(21, 0), meetupDay.atTime(22, 0), "SOCIAL", "Pizzas and drinks", null));
        awaitStatus(() -> events.put("/events/" + eventId + "/agenda", token(organiser), Map.of("slots", slots)), 200);

        // Each speaker got a receipt and the decision; the organiser was told of each submission.
        Map<String, String> receipts = new LinkedHashMap<>();
        Map<String, String> decisions = new LinkedHashMap<>();
        speakers.forEach((talk, speaker) -> {
            receipts.put(speaker.email(), "We received your talk: " + talk.title());
            decisions.put(speaker.email(), "Your talk is accepted: " + talk.title());
        });
        awaitExactly(receipts, 1);
        awaitExactly(decisions, 1).forEach((speaker, decision) -> assertThat(decision.get(0).text()).contains("Welcome to meetup #13"));
        for (Seeds.Talk talk : speakers.keySet()) {
            awaitExactly(List.of(organiser.email()), "New talk submitted: " + talk.title(), 1);
        }

        JsonNode agenda = events.get("/events/" + eventId + "/agenda", token(organiser)).expect(200).body().path("slots");
        assertThat(agenda).hasSize(4);
        int i = 0;
        for (Seeds.Talk talk : speakers.keySet()) {
            assertThat(agenda.get(i).path("title").asText()).isEqualTo(talk.title());
            assertThat(agenda.get(i).path("speakers").get(0).path("name").asText()).isEqualTo(talk.speaker());
            i++;
        }
    }

    @Test
    @Order(3)
    void membersOptInTheOrganiserImportsTheRestAndPublishesAtOnce() {
        assumeTrue(speakers.size() == 3, "step 2 did not complete");
        Members joined = joinAndConfirm(group, "Paris Deep Learning", MEMBERS);
        pendingMember = joined.pending();
        // The organiser brings the rest of the community over from its previous platform and publishes at once.
        List<String> imported = importMembers(group, IMPORTED);
        assertThat(events.get("/groups/" + group, null).expect(200).body().path("activeMembers").asInt()).isEqualTo(MEMBERS + IMPORTED);

        Api.Answer published = events.post("/events/" + eventId + "/publish", token(organiser), Map.of()).expect(200);

        assertThat(published.get("status")).isEqualTo("PUBLISHED");
        assertThat(published.body().path("sequence").asInt()).isEqualTo(1);
        assertThat(events.get("/events/" + eventId, null).expect(200).get("title")).isEqualTo("Deep Learning Meetup #13");
        members = new ArrayList<>(joined.confirmed());
        members.addAll(imported);
    }

    // ---------------------------------------------------------------- step 3

    @Test
    @Order(4)
    void everyConfirmedMemberGetsExactlyOneAnnouncementWithTheTalksAndA19hCalendarEntry() {
        assumeTrue(members != null, "the meetup was not published");
        String subject = "Paris Deep Learning: Deep Learning Meetup #13";

        Map<String, List<Mail>> received = awaitExactly(members, subject, 1);

        for (String member : members) {
            Mail announcement = received.get(member).get(0);
            assertThat(announcement.to()).containsExactly(member);
            assertThat(announcement.text())
                    .contains(DAY.format(meetupDay) + ", 19:00 – 22:00 (Europe/Paris)")
                    .contains("Where: Heuritech, 248 rue du Faubourg Saint-Antoine, Paris")
                    .contains(platform.url(Service.EVENTS) + "/events/" + eventId);
            for (Seeds.Talk talk : speakers.keySet()) {
                assertThat(announcement.text()).contains(talk.title()).contains(talk.speaker() + " (" + talk.affiliation() + ")");
            }
            assertThat(announcement.html()).contains("Generalization in Deep networks");
            VEvent entry = announcement.event();
            assertStartsAt(entry, meetupDay.atTime(19, 0), "Europe/Paris");
            assertThat(value(entry, Property.UID)).as("the member's own invitation UID").startsWith(eventId + ".");
            assertThat(value(announcement.parsedCalendar().getProperty(Property.METHOD).orElseThrow())).isEqualTo("REQUEST");
            announcementSequence = announcement.sequence();
        }
        assertThat(announcementSequence).isEqualTo(1);
        assertThat(mailbox.withSubject(pendingMember, subject)).as("no announcement without the opt-in").isEmpty();
        // The organiser's view of it: one announcement, every delivery SENT (recorded just after the server's answer).
        await().atMost(PROPAGATION).pollInterval(POLL).untilAsserted(() -> {
            JsonNode notification = notifications.get("/notifications?eventId=" + eventId + "&type=ANNOUNCEMENT", token(organiser))
                    .expect(200).body().path("items");
            assertThat(notification).hasSize(1);
            assertThat(notification.get(0).path("deliveries").path("SENT").asInt()).isEqualTo(members.size());
        });

        // Each speaker is told their slot, once.
        Map<String, String> slotSubjects = new LinkedHashMap<>();
        LocalTime start = LocalTime.of(19, 0);
        for (Map.Entry<Seeds.Talk, Speaker> speaker : speakers.entrySet()) {
            slotSubjects.put(speaker.getValue().email(),
                    "Your talk \"" + speaker.getKey().title() + "\" is at " + start + "–" + start.plusMinutes(40));
            start = start.plusMinutes(40);
        }
        awaitExactly(slotSubjects, 1).forEach((speaker, slot) -> assertThat(slot.get(0).text()).contains("Deep Learning Meetup #13"));
    }

    @Test
    @Order(5)
    void attendeesRsvpBeyondCapacityAndTheFirstWaitlistedIsPromotedWhenOneCancels() {
        assumeTrue(announcementSequence != null, "the meetup was not announced");
        String[] names = {"Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra"};
        for (int i = 0; i < CAPACITY + 2; i++) {
            String email = address(names[i].toLowerCase(Locale.ROOT).replace(' ', '.'));
            Api.Answer rsvp = events.post("/events/" + eventId + "/registrations", null, Map.of("name", names[i], "email", email))
                    .expect(201);
            assertThat(rsvp.get("status")).isEqualTo(i < CAPACITY ? "CONFIRMED" : "WAITLISTED");
            if (i >= CAPACITY) {
                assertThat(rsvp.body().path("waitlistPosition").asInt()).isEqualTo(i - CAPACITY + 1);
            }
            attendees.add(new Attendee(names[i], email, rsvp.get("id"), rsvp.get("manageUrl")));
        }
        List<Attendee> confirmed = attendees.subList(0, CAPACITY);
        List<Attendee> waitlisted = attendees.subList(CAPACITY, CAPACITY + 2);

        Map<String, String> statusSubjects = new LinkedHashMap<>();
        confirmed.forEach(attendee -> statusSubjects.put(attendee.email(), "You are registered: Deep Learning Meetup #13"));
        waitlisted.forEach(attendee -> statusSubjects.put(attendee.email(), "You are on the waiting list: Deep Learning Meetup #13"));
        Map<String, List<Mail>> statuses = awaitExactly(statusSubjects, 1);
        for (Attendee attendee : attendees) {
            Mail status = statuses.get(attendee.email()).get(0);
            assertThat(status.to()).containsExactly(attendee.email());
            assertThat(status.text()).contains("Hello " + attendee.name()).contains(attendee.manageUrl());
        }
        for (Attendee attendee : confirmed) {
            assertStartsAt(statuses.get(attendee.email()).get(0).event(), meetupDay.atTime(19, 0), "Europe/Paris");
        }
        assertThat(statuses.get(waitlisted.get(0).email()).get(0).text()).contains("Your position on the waiting list: 1");
        assertThat(statuses.get(waitlisted.get(1).email()).get(0).text()).contains("Your position on the waiting list: 2");

        Attendee leaving = confirmed.get(1);
        Api.Answer cancelled = events.delete(leaving.manageUrl(), null).expect(200);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");

        Attendee first = waitlisted.get(0);
        Map<String, List<Mail>> told = awaitExactly(Map.of(
                first.email(), "A seat opened up, you are in: Deep Learning Meetup #13",
                leaving.email(), "Your registration is cancelled: Deep Learning Meetup #13"), 1);
        Mail promoted = told.get(first.email()).get(0);
        assertThat(promoted.text()).contains("Hello " + first.name()).contains("A seat opened up at Deep Learning Meetup #13")
                .contains(first.manageUrl());
        assertStartsAt(promoted.event(), meetupDay.atTime(19, 0), "Europe/Paris");
        assertThat(mailbox.subjects(waitlisted.get(1).email())).noneMatch(subject -> subject.startsWith("A seat opened up"));
        JsonNode event = events.get("/events/" + eventId, null).expect(200).body();
        assertThat(event.path("confirmed").asInt()).isEqualTo(CAPACITY);
        assertThat(event.path("waitlisted").asInt()).isEqualTo(1);
        assertThat(events.get(first.manageUrl(), null).expect(200).get("status")).isEqualTo("CONFIRMED");
        attendeesDone = true;
    }

    // ---------------------------------------------------------------- step 4

    @Test
    @Order(6)
    void movingTheMeetupByOneHourSendsEveryAttendeeOneUpdateWithAHigherSequence() {
        assumeTrue(attendeesDone, "the RSVPs did not complete");
        Api.Answer patched = events.patch("/events/" + eventId, token(organiser), Map.of(
                "startsAt", meetupDay.atTime(20, 0).toString(), "endsAt", meetupDay.atTime(23, 0).toString())).expect(200);
        assertThat(patched.body().path("sequence").asInt()).isEqualTo(announcementSequence + 1);

        List<String> told = new ArrayList<>(emails(stillAttending()));
        told.add(attendees.get(CAPACITY + 1).email()); // the one still waitlisted
        told.addAll(members); // the event was announced to them
        Map<String, List<Mail>> updates = awaitExactly(told, "Changed: Deep Learning Meetup #13", 1);

        for (String recipient : told) {
            Mail update = updates.get(recipient).get(0);
            assertThat(update.sequence()).as("SEQUENCE of %s's update", recipient).isGreaterThan(announcementSequence);
            assertStartsAt(update.event(), meetupDay.atTime(20, 0), "Europe/Paris");
            assertThat(update.text())
                    .contains("Before: " + DAY.format(meetupDay) + ", 19:00 – 22:00 (Europe/Paris)")
                    .contains("Now: " + DAY.format(meetupDay) + ", 20:00 – 23:00 (Europe/Paris)");
        }
        assertThat(mailbox.subjects(attendees.get(1).email())).as("the attendee who cancelled")
                .noneMatch(subject -> subject.startsWith("Changed:"));

        // The agenda moved with the event: each speaker is told their new slot, once.
        Map<String, String> movedSlots = new LinkedHashMap<>();
        LocalTime start = LocalTime.of(20, 0);
        for (Map.Entry<Seeds.Talk, Speaker> speaker : speakers.entrySet()) {
            movedSlots.put(speaker.getValue().email(),
                    "Your talk \"" + speaker.getKey().title() + "\" is at " + start + "–" + start.plusMinutes(40));
            start = start.plusMinutes(40);
        }
        awaitExactly(movedSlots, 1);
        moved = true;
    }

    // ---------------------------------------------------------------- step 5

    @Test
    @Order(7)
    void aSpeakerPublishesSlidesAndEveryConfirmedAttendeeGetsOneSlidesAreOnlineEmail() {
        assumeTrue(moved, "the meetup was not moved");
        Map.Entry<Seeds.Talk, Speaker> grisel = speakers.entrySet().iterator().next();
        String slides = "https://example.org/slides/generalization-in-deep-networks.pdf";
        talks.put("/submissions/" + grisel.getValue().submissionId() + "/materials", token(grisel.getValue().identity()),
                Map.of("slidesUrl", slides, "references", List.of(Map.of("title", "Understanding deep learning requires rethinking generalization",
                        "url", "https://arxiv.org/abs/1611.03530")))).expect(200);

        String subject = "The slides are online: " + grisel.getKey().title();
        Map<String, List<Mail>> online = awaitExactly(emails(stillAttending()), subject, 1);

        for (Mail mail : online.values().stream().map(list -> list.get(0)).toList()) {
            assertThat(mail.text()).contains("Slides: " + slides).contains("Presented at Deep Learning Meetup #13")
                    .contains("Olivier Grisel").contains("https://arxiv.org/abs/1611.03530");
        }
        assertThat(mailbox.withSubject(attendees.get(CAPACITY + 1).email(), subject)).as("still waitlisted").isEmpty();
        assertThat(mailbox.withSubject(attendees.get(1).email(), subject)).as("cancelled").isEmpty();
        assertThat(mailbox.withSubject(members.get(0), subject)).as("a member who did not RSVP").isEmpty();
    }

    // ---------------------------------------------------------------- step 6

    @Test
    @Order(8)
    void theFiveDaySummerSchoolIsCreatedPublishedAndAnnouncedWithItsSessionsAcrossDays() {
        Identity organiser = person("paiss", "PAISS Organisers");
        expectNothing(organiser.email());
        String slug = "paiss-" + run;
        LocalDate monday = nextDate(Month.JULY, 2, DayOfWeek.MONDAY);
        events.post("/groups", token(organiser), Map.of("slug", slug, "name", "PAISS",
                "description", "PRAIRIE Artificial Intelligence Summer School, co-organized by Inria/Univ. Grenoble Alpes and NAVER LABS Europe",
                "timeZone", "Europe/Paris", "language", "en")).expect(201);
        String venue = events.post("/venues", token(organiser), Map.of("name", "Inria Grenoble", "address", "655 avenue de l'Europe",
                "city", "Montbonnot-Saint-Martin", "country", "France", "capacity", 200)).expect(201).get("id");
        String school = events.post("/groups/" + slug + "/events", token(organiser), Map.of("title", "PAISS " + monday.getYear(),
                "description", "5-day summer school from 2-6 July, held at Inria Grenoble.",
                "startsAt", monday.atTime(9, 0).toString(), "endsAt", monday.plusDays(4).atTime(18, 0).toString(),
                "venueId", venue)).expect(201).get("id");

        List<Seeds.Session> sessions = Seeds.summerSchoolSessions();
        assertThat(sessions).hasSizeBetween(15, 25);
        assertThat(sessions.get(0).heading()).isEqualTo("Yann LeCun: Deep learning: past, present, and future");
        assertThat(sessions).filteredOn(Seeds.Session::practical).extracting(Seeds.Session::title)
                .containsExactly("Image retrieval", "Reinforcement Learning by Criteo", "PyTorch Practical Session by FAIR");
        List<Map<String, Object>> slots = summerSchoolAgenda(monday, sessions);
        events.put("/events/" + school + "/agenda", token(organiser), Map.of("slots", slots)).expect(200);

        List<String> schoolMembers = joinAndConfirm(slug, "PAISS", 3).confirmed();
        events.post("/events/" + school + "/publish", token(organiser), Map.of()).expect(200);

        String subject = "PAISS: PAISS " + monday.getYear();
        Map<String, List<Mail>> announced = awaitExactly(schoolMembers, subject, 1);
        for (String member : schoolMembers) {
            Mail announcement = announced.get(member).get(0);
            String text = announcement.text();
            assertThat(text).contains(DAY.format(monday) + ", 09:00 – " + DAY.format(monday.plusDays(4)) + ", 18:00 (Europe/Paris)");
            int at = -1;
            for (int day = 0; day < 5; day++) {
                int heading = text.indexOf("== " + DAY.format(monday.plusDays(day)) + " ==");
                assertThat(heading).as("day %d after the previous", day + 1).isGreaterThan(at);
                at = heading;
            }
            at = -1;
            for (Seeds.Session session : sessions) {
                int position = text.indexOf(session.heading());
                assertThat(position).as("%s, in the order of the days", session.heading()).isGreaterThan(at);
                at = position;
            }
            VEvent entry = announcement.event();
            assertStartsAt(entry, monday.atTime(9, 0), "Europe/Paris");
            assertThat(entry.getProperty(Property.DTEND).orElseThrow().getValue())
                    .isEqualTo(monday.plusDays(4).atTime(18, 0).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        }

        JsonNode schedule = events.get("/events/" + school + "/schedule.json", null).expect(200).body().path("schedule").path("conference");
        assertThat(schedule.path("days")).hasSize(5);
        int sessionsInSchedule = 0;
        for (JsonNode day : schedule.path("days")) {
            for (JsonNode room : day.path("rooms")) {
                sessionsInSchedule += room.size();
            }
        }
        assertThat(sessionsInSchedule).isEqualTo(slots.size());
    }

    @Test
    @Order(9)
    void theLightningTalkNightIsPublishedWithItsDateToBeAnnouncedAndDatedLater() {
        Identity organiser = person("martin", "Martin Andrews");
        expectNothing(organiser.email());
        String slug = "tensorflow-deep-learning-sg-" + run;
        List<String> lightningTalks = Seeds.lightningTalks();
        assertThat(lightningTalks).containsExactly("Neural ODEs", "Image correspondences", "Learning ImageNet layer-by-layer");
        events.post("/groups", token(organiser), Map.of("slug", slug, "name", "TensorFlow & Deep Learning SG",
                "timeZone", "Asia/Singapore", "language", "en")).expect(201);
        String description = "Lightning talks on NeurIPS papers, by Martin Andrews (Red Dragon AI): " + String.join(", ", lightningTalks)
                + ". Date TBA, hosted at TBD.";
        Api.Answer draft = events.post("/groups/" + slug + "/events", token(organiser), Map.of("title", "NeurIPS Lightning Talks",
                "description", description)).expect(201);
        String night = draft.get("id");
        assertThat(absent(draft.body().path("startsAt"))).as("no date").isTrue();

        List<String> nightMembers = joinAndConfirm(slug, "TensorFlow & Deep Learning SG", 3).confirmed();
        Api.Answer published = events.post("/events/" + night + "/publish", token(organiser), Map.of()).expect(200);
        assertThat(published.get("status")).isEqualTo("PUBLISHED");
        assertThat(absent(published.body().path("startsAt"))).as("still no date").isTrue();

        String subject = "TensorFlow & Deep Learning SG: NeurIPS Lightning Talks";
        Map<String, List<Mail>> announced = awaitExactly(nightMembers, subject, 1);
        for (Mail announcement : announced.values().stream().map(list -> list.get(0)).toList()) {
            assertThat(announcement.text()).contains("When: Date to be announced").contains(description)
                    .doesNotContain("The calendar entry is attached.");
            assertThat(announcement.hasCalendar()).as("no calendar entry without a date").isFalse();
        }
        // RFC 5545 has no VEVENT without DTSTART: the feed leaves the night out and its own file is not there yet.
        assertThat(events.get("/groups/" + slug + "/calendar.ics", null).expect(200).text()).doesNotContain("BEGIN:VEVENT");
        events.get("/events/" + night + "/calendar.ics", null).expect(404);
        assertThat(events.get("/events?group=" + slug + "&when=upcoming", null).expect(200).body().path("items").get(0).path("id").asText())
                .isEqualTo(night);

        String attendee = address("early.bird");
        events.post("/events/" + night + "/registrations", null, Map.of("name", "Early Bird", "email", attendee)).expect(201);
        Mail registered = awaitExactly(List.of(attendee), "You are registered: NeurIPS Lightning Talks", 1)
                .get(attendee).get(0);
        assertThat(registered.text()).contains("When: Date to be announced");
        assertThat(registered.hasCalendar()).isFalse();

        LocalDate day = LocalDate.now().plusMonths(3);
        Api.Answer dated = events.patch("/events/" + night, token(organiser), Map.of("startsAt", day.atTime(19, 0).toString(),
                "endsAt", day.atTime(21, 0).toString())).expect(200);
        assertThat(dated.body().path("sequence").asInt()).isEqualTo(2);

        List<String> told = new ArrayList<>(nightMembers);
        told.add(attendee);
        Map<String, List<Mail>> updates = awaitExactly(told, "Changed: NeurIPS Lightning Talks", 1);
        for (Mail update : updates.values().stream().map(list -> list.get(0)).toList()) {
            assertThat(update.text()).contains("Before: to be announced")
                    .contains("Now: " + DAY.format(day) + ", 19:00 – 21:00 (Asia/Singapore)");
            assertStartsAt(update.event(), day.atTime(19, 0), "Asia/Singapore");
            assertThat(update.sequence()).isEqualTo(2);
        }
        assertThat(events.get("/groups/" + slug + "/calendar.ics", null).expect(200).text()).contains("UID:" + night + "@podium");
        events.get("/events/" + night + "/calendar.ics", null).expect(200);
    }

    // ---------------------------------------------------------------- and nothing else

    /**
     * Every mailbox the story wrote to holds exactly the emails the steps above expected, each as many
     * times as expected, after a settling wait: no duplicate (a redelivered message, a second send) and
     * nothing to someone who should not get it (a pending member, a cancelled attendee, the waitlist).
     */
    @Test
    @Order(100)
    void nobodyGotAnEmailTwiceNorOneMeantForSomeoneElse() {
        assumeTrue(!expectedMail.isEmpty(), "no step sent email");
        // Each step waited for its emails already: what is still missing or extra after the settling wait is wrong.
        await().during(SETTLE).atMost(SETTLE.multipliedBy(6)).pollInterval(POLL).untilAsserted(() -> expectedMail.forEach((address, subjects) ->
                assertThat(mailbox.subjects(address)).as("emails to %s", address).containsExactlyInAnyOrderElementsOf(subjects)));
    }

    @Test
    @Order(101)
    void everyCalendarSentConformsToItipAndEachRecipientKeepsOneEntryPerEvent() {
        assumeTrue(!expectedMail.isEmpty(), "no step sent email");
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> uidsByEvent = new HashMap<>();
        int calendars = 0;
        for (String address : expectedMail.keySet()) {
            Map<String, List<String>> storyByEvent = new LinkedHashMap<>();
            for (Mail mail : mailbox.all(address)) {
                if (!mail.hasCalendar()) {
                    continue;
                }
                calendars++;
                ItipConformance.violations(mail.calendar(), address, "rsvp@podium.localhost")
                        .forEach(violation -> violations.add(address + " \"" + mail.subject() + "\": " + violation));
                // The event's page is its identity here; the UID is what is being checked.
                String event = ItipConformance.eventProperty(mail.calendar(), "URL");
                storyByEvent.computeIfAbsent(event, key -> new ArrayList<>()).add(mail.calendar());
            }
            storyByEvent.forEach((event, story) -> {
                ItipConformance.storyViolations(story).forEach(violation -> violations.add(address + " " + event + ": " + violation));
                uidsByEvent.computeIfAbsent(event, key -> new HashSet<>()).add(ItipConformance.uid(story.get(0)));
            });
        }
        assertThat(calendars).as("calendars sent in the story").isGreaterThan(20);
        assertThat(violations).as("RFC 5546 violations").isEmpty();
        uidsByEvent.forEach((event, uids) -> assertThat(uids).as("UIDs of %s, one per recipient", event)
                .allMatch(uid -> uid.matches("[^.@]+\\.[A-Za-z0-9_-]{22}@podium\\.localhost")));
    }

    // ---------------------------------------------------------------- helpers

    /** Members who followed their opt-in link, and one who has not (yet). */
    private record Members(List<String> confirmed, String pending) {
    }

    /** {@code count} people join the group and follow the link of their opt-in email; then one more joins. */
    private Members joinAndConfirm(String slug, String groupName, int count) {
        List<String> joined = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String email = address(slug.replaceAll("-" + run + "$", "") + "-member-" + i);
            events.post("/groups/" + slug + "/members", null, Map.of("name", "Member " + i, "email", email)).expect(201);
            joined.add(email);
        }
        Map<String, List<Mail>> optIns = awaitExactly(joined, ("Confirm that you want to join " + groupName), 1);
        for (String email : joined) {
            Matcher link = OPT_IN_LINK.matcher(optIns.get(email).get(0).text());
            assertThat(link.find()).as("an opt-in link in the email to %s", email).isTrue();
            assertThat(events.post(link.group(), null, Map.of()).expect(200).get("status")).isEqualTo("ACTIVE");
        }
        // One more joins without confirming: the announcement is not for them.
        return new Members(joined, joinWithoutConfirming(slug, groupName));
    }

    /** The organiser imports {@code count} people as a CSV export ("name,email"); they are members at once. */
    private List<String> importMembers(String slug, int count) {
        List<String> imported = new ArrayList<>();
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 1; i <= count; i++) {
            String email = address(slug.replaceAll("-" + run + "$", "") + "-imported-" + i);
            imported.add(email);
            csv.append("Imported Member ").append(i).append(',').append(email).append('\n');
        }
        Api.Answer report = events.postText("/groups/" + slug + "/members/import", token(organiser), "text/csv", csv.toString())
                .expect(200);
        assertThat(report.body().path("imported").asInt()).isEqualTo(count);
        return imported;
    }

    private String joinWithoutConfirming(String slug, String groupName) {
        String email = address(slug.replaceAll("-" + run + "$", "") + "-pending-" + UUID.randomUUID().toString().substring(0, 6));
        events.post("/groups/" + slug + "/members", null, Map.of("name", "Not Sure Yet", "email", email)).expect(201);
        awaitExactly(List.of(email), ("Confirm that you want to join " + groupName), 1);
        return email;
    }

    /**
     * Waits until each address received {@code count} emails with that subject, checks it received
     * no more, and notes them for {@link #nobodyGotAnEmailTwiceNorOneMeantForSomeoneElse}; those emails, by address.
     */
    private Map<String, List<Mail>> awaitExactly(Collection<String> addresses, String subject, int count) {
        Map<String, String> expected = new LinkedHashMap<>();
        addresses.forEach(address -> expected.put(address, subject));
        return awaitExactly(expected, count);
    }

    /** As above, with a subject of its own for each address. */
    private Map<String, List<Mail>> awaitExactly(Map<String, String> subjects, int count) {
        await().atMost(PROPAGATION).pollInterval(POLL).untilAsserted(() -> subjects.forEach((address, subject) ->
                assertThat(mailbox.subjects(address)).as("\"%s\" emails to %s", subject, address).filteredOn(subject::equals)
                        .hasSizeGreaterThanOrEqualTo(count)));
        Map<String, List<Mail>> received = new HashMap<>();
        subjects.forEach((address, subject) -> {
            List<Mail> mails = mailbox.withSubject(address, subject);
            assertThat(mails).as("\"%s\" emails to %s", subject, address).hasSize(count);
            for (Mail mail : mails) {
                assertThat(mail.to()).as("recipients of \"%s\"", subject).containsExactly(address);
            }
            for (int i = 0; i < count; i++) {
                expect(address, subject);
            }
            received.put(address, mails);
        });
        return received;
    }

    /** Notes an address the story sends nothing to (so far), for the final count. */
    private void expectNothing(String address) {
        synchronized (expectedMail) {
            expectedMail.computeIfAbsent(address, key -> new ArrayList<>());
        }
    }

    /** Notes an email the story sends to {@code address}, for the final count. */
    private void expect(String address, String subject) {
        synchronized (expectedMail) {
            expectedMail.computeIfAbsent(address, key -> new ArrayList<>()).add(subject);
        }
    }

    /** Repeats a call while the service does not know yet what it refers to (another service's message on its way). */
    private static Api.Answer awaitStatus(Supplier<Api.Answer> call, int status) {
        Api.Answer[] last = new Api.Answer[1];
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = call.get();
            return last[0].status() == status;
        });
        return last[0];
    }

    private List<Attendee> stillAttending() {
        // Confirmed from the start (but the one who cancelled), and the first waitlisted, promoted.
        return List.of(attendees.get(0), attendees.get(2), attendees.get(CAPACITY));
    }

    private static List<String> emails(List<Attendee> attendees) {
        return attendees.stream().map(Attendee::email).toList();
    }

    private String title(Speaker speaker) {
        return speakers.entrySet().stream().filter(entry -> entry.getValue() == speaker).findFirst().orElseThrow().getKey().title();
    }

    /** Sessions in the seed's order over five days, 90 minutes each, with lunch from 12:30 every day. */
    private static List<Map<String, Object>> summerSchoolAgenda(LocalDate monday, List<Seeds.Session> sessions) {
        LocalTime[] starts = {LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(14, 0), LocalTime.of(16, 0)};
        List<Map<String, Object>> slots = new ArrayList<>();
        int next = 0;
        for (int day = 0; day < 5; day++) {
            LocalDate date = monday.plusDays(day);
            int today = (sessions.size() - next + (4 - day)) / (5 - day);
            for (int i = 0; i < today; i++) {
                Seeds.Session session = sessions.get(next++);
                slots.add(slot(date.atTime(starts[i]), date.atTime(starts[i].plusMinutes(90)),
                        session.practical() ? "PRACTICAL" : "KEYNOTE", session.heading(), null));
            }
            slots.add(slot(date.atTime(12, 30), date.atTime(14, 0), "BREAK", "Lunch", null));
        }
        assertThat(next).isEqualTo(sessions.size());
        return slots;
    }

    private static Map<String, Object> slot(LocalDateTime start, LocalDateTime end, String kind, String title, String talkId) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("startsAt", start.toString());
        slot.put("endsAt", end.toString());
        slot.put("kind", kind);
        slot.put("title", title);
        if (talkId != null) {
            slot.put("talkId", talkId);
        }
        return slot;
    }

    /** The first date from next month on that falls on {@code month}/{@code day} and is a {@code weekday}. */
    private static LocalDate nextDate(Month month, int day, DayOfWeek weekday) {
        LocalDate earliest = LocalDate.now().plusMonths(1);
        for (int year = earliest.getYear(); ; year++) {
            LocalDate candidate = LocalDate.of(year, month, day);
            if (!candidate.isBefore(earliest) && candidate.getDayOfWeek() == weekday) {
                return candidate;
            }
        }
    }

    private static void assertStartsAt(VEvent event, LocalDateTime local, String zone) {
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getValue()).isEqualTo(local.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo(zone);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    /** A JSON field left out or null. */
    private static boolean absent(JsonNode field) {
        return field.isMissingNode() || field.isNull();
    }

    private static String value(Property property) {
        return property.getValue();
    }

    private Identity person(String handle, String name) {
        return new Identity(handle + "-" + run, name, address(handle), List.of());
    }

    private String address(String handle) {
        return handle + "-" + run + "@e2e.podium.test";
    }

    private static String token(Identity identity) {
        return TestServers.issuer().issuer().token(identity);
    }
}
