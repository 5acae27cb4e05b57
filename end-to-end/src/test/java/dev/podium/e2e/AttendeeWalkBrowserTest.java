package dev.podium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.devissuer.Identity;
import dev.podium.e2e.Mailbox.Mail;
import dev.podium.e2e.Platform.Service;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.browser.Browser;
import dev.podium.testsupport.browser.BrowserPerClass;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 17, as attendees meet Podium: from the announcement in their inbox to the event page in a
 * real Chromium, its RSVP form, the confirmation email, the manage page and its Cancel button, the
 * waitlisted person promoted by email; a newcomer joins the group from its page and confirms from
 * the email. Everything goes through the one public origin (the gateway), with the three services as
 * separate processes. axe-core runs on every page and each page is photographed (desktop and
 * mobile) under {@code target/screenshots/AttendeeWalkBrowserTest/}. The test waits only for what a
 * person sees: a page, an email.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttendeeWalkBrowserTest {

    private static final Duration EMAIL = Duration.ofMinutes(2);
    private static final Pattern EVENT_LINK = Pattern.compile("https?://[^\\s\"<>]+/events/[0-9a-f-]{36}");
    private static final Pattern MANAGE_LINK = Pattern.compile("https?://[^\\s\"<>]+/events/[0-9a-f-]{36}/registrations/[0-9a-f-]{36}\\?token=[^\\s\"<>]+");
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s\"<>]+/groups/[^/\\s]+/members/[0-9a-f-]{36}/confirmation\\?token=[^\\s\"<>]+");

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    private final String run = Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 4);
    private final Identity organiser = new Identity("orga-" + run, "Olga Organiser", "orga-" + run + "@e2e.podium.test", List.of());
    private final String ada = "ada-" + run + "@e2e.podium.test";
    private final String grace = "grace-" + run + "@e2e.podium.test";
    private final String group = "walk-" + run;
    private final String title = "Deep Learning Meetup #13";

    private Platform platform;
    private Api events;
    private Mailbox mailbox;
    private String eventId;

    @BeforeAll
    void startThePlatform() {
        platform = Platform.start("walk", Map.of());
        events = new Api(platform.url(Service.EVENTS));
        MailTestServer mail = TestServers.mail();
        mailbox = new Mailbox(mail.host(), mail.imapPort());
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aMemberFollowsTheAnnouncementRsvpsOnThePageAndTheNextOneIsWaitlisted() {
        announceAMeetupWithOneSeatTo(ada, grace);

        Mail announcement = awaitMail(ada, "Walk " + run + ": " + title);
        String eventPage = link(EVENT_LINK, announcement.text());
        Browser page = browser.get();
        page.open(eventPage).check("event-page");
        assertThat(page.title()).contains(title);
        assertThat(page.text()).contains("Europe/Paris", "248 rue du Faubourg Saint-Antoine", "1 of 1 seats left");

        page.fill("Your name", "Ada Lovelace").fill("Your email address", ada).clickButton("RSVP").check("rsvp-confirmed");
        assertThat(page.text()).contains("Confirmed: a seat is kept for you.");
        assertThat(awaitMail(ada, "You are registered: " + title).text()).contains("Hello Ada Lovelace");

        page.open(eventPage).fill("Your name", "Grace Hopper").fill("Your email address", grace)
                .clickButton("Join the waitlist").check("rsvp-waitlisted");
        assertThat(page.text()).contains("On the waitlist, position 1.");
        awaitMail(grace, "You are on the waiting list: " + title);
    }

    @Test
    @Order(2)
    void badInputOnTheFormIsShownNextToTheFieldAndWritesNothing() {
        Browser page = browser.get();
        String eventPage = platform.url(Service.EVENTS) + "/events/" + eventId;
        int before = registrations();
        for (List<String> bad : List.of(List.of("", "nobody@example.org", "Please fill this in."),
                List.of("Mallory", "not-an-email", "Please give an email address such as ada@example.org."))) {
            page.open(eventPage).fill("Your name", bad.get(0)).fill("Your email address", bad.get(1)).clickButton("Join the waitlist");
            assertThat(page.text()).contains(bad.get(2));
            assertThat(page.findAll(By.cssSelector("[aria-invalid=true]"))).hasSize(1);
            assertThat(page.find(By.id("rsvp-email")).getAttribute("value")).as("the typed value kept").isEqualTo(bad.get(1));
        }
        page.check("rsvp-bad-input");
        // The field's maxlength stops a person typing 300 characters; a hand-made request is not stopped by it.
        page.open(eventPage).fill("Your email address", "long@example.org");
        ((JavascriptExecutor) page.driver()).executeScript("arguments[0].value = arguments[1]",
                page.find(By.id("rsvp-name")), "N".repeat(300));
        page.clickButton("Join the waitlist");
        assertThat(page.text()).contains("This is too long.");
        page.open(eventPage).fill("Your name", "<b>Mallory</b>").fill("Your email address", "mallory-" + run + "@e2e.podium.test")
                .clickButton("Join the waitlist");
        assertThat(page.source()).doesNotContain("<b>Mallory</b>");
        assertThat(registrations()).as("registrations written by the refused forms").isEqualTo(before + 1);
    }

    @Test
    @Order(3)
    void theConfirmedMemberCancelsFromTheManagePageAndTheWaitlistedOneIsPromoted() {
        String manage = link(MANAGE_LINK, awaitMail(ada, "You are registered: " + title).text());
        Browser page = browser.get();

        page.open(manage).check("manage");
        page.open(manage);
        assertThat(page.text()).as("opening the link twice changes nothing").contains("Confirmed: a seat is kept for you.");

        page.javaScript(false).clickButton("Cancel my RSVP").check("manage-cancelled");
        assertThat(page.text()).contains("Cancelled. You no longer have a seat.");

        assertThat(awaitMail(grace, "A seat opened up, you are in: " + title).text()).contains("Hello Grace Hopper");
        awaitMail(ada, "Your registration is cancelled: " + title);
    }

    @Test
    @Order(4)
    void aNewcomerJoinsTheGroupFromItsPageAndConfirmsFromTheEmail() {
        String newcomer = "alan-" + run + "@e2e.podium.test";
        Browser page = browser.get();

        page.open(platform.url(Service.EVENTS) + "/groups/" + group).check("group-page");
        assertThat(page.text()).contains("Walk " + run, title).doesNotContain(organiser.email());
        page.fill("Your name", "Alan Turing").fill("Your email address", newcomer).clickButton("Join").check("group-joined");
        assertThat(page.title()).contains("Check your inbox");

        String confirm = link(CONFIRM_LINK, awaitMail(newcomer, "Confirm that you want to join Walk " + run).text());
        page.open(confirm).check("group-confirm");
        page.clickButton("Confirm").check("group-confirmed");
        assertThat(page.title()).isEqualTo("You are subscribed");
    }

    @Test
    @Order(5)
    void aReaderSearchesTheArchiveForUniversiteOpensTheTalkAndFollowsItsSlides() throws IOException {
        Seeds.Talk seed = Seeds.meetupTalks().stream().filter(talk -> talk.affiliation().contains("Université")).findFirst().orElseThrow();
        try (SlidesServer slides = SlidesServer.start()) {
            acceptWithSlides(seed, slides.url());
            Browser page = browser.get();

            page.open(platform.url(Service.TALKS) + "/talks").check("archive");
            page.fill("Words", "Université").clickButton("Search").check("archive-results");
            await().atMost(EMAIL).pollInterval(Duration.ofMillis(500)).until(() -> {
                // The archive is a read model fed from Kafka: a reader who finds nothing searches again.
                boolean found = page.findAll(By.linkText(seed.title())).size() == 1;
                if (!found) {
                    page.open(page.url());
                }
                return found;
            });
            page.clickLink(seed.title()).check("talk-page");
            assertThat(page.text()).contains(seed.speaker(), title).doesNotContain("@e2e.podium.test");

            page.clickLink("Slides");
            assertThat(page.url()).isEqualTo(slides.url());
            assertThat(page.text()).contains("The slides of the talk");
        }
    }

    /** A speaker of the seed submits to the meetup, the organiser accepts and releases, the speaker publishes slides. */
    private void acceptWithSlides(Seeds.Talk seed, String slidesUrl) {
        Api talks = new Api(platform.url(Service.TALKS));
        Identity speaker = new Identity("diogo-" + run, seed.speaker(), "diogo-" + run + "@e2e.podium.test", List.of());
        String speakerToken = TestServers.issuer().issuer().token(speaker);
        Instant now = Instant.now();
        await().atMost(EMAIL).until(() -> talks.put("/events/" + eventId + "/cfp", token(), Map.of("opensAt",
                now.minus(Duration.ofHours(1)).toString(), "closesAt", now.plus(Duration.ofDays(7)).toString())).status() == 200);
        String speakerId = talks.post("/speakers", speakerToken, Map.of("name", seed.speaker(), "affiliation", seed.affiliation()))
                .expect(201).get("id");
        String submission = talks.post("/submissions", speakerToken, Map.of("speakerIds", List.of(speakerId), "eventId", eventId,
                "title", seed.title(), "abstract", seed.abstractText(), "format", "TALK", "durationMinutes", 40,
                "language", "en", "tags", List.of("deep-learning"))).expect(201).get("id");
        talks.post("/submissions/" + submission + "/accept", token(), Map.of("reason", "Welcome")).expect(200);
        talks.post("/events/" + eventId + "/decisions/release", token(), Map.of()).expect(200);
        talks.put("/submissions/" + submission + "/materials", speakerToken, Map.of("slidesUrl", slidesUrl)).expect(200);
    }

    /** Where a speaker's slides live: a web server of its own, since the test machine reaches no other. */
    private record SlidesServer(HttpServer server) implements AutoCloseable {

        static SlidesServer start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] page = "<!doctype html><html lang=\"en\"><head><title>Slides</title></head><body><h1>The slides of the talk</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/slides.html", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return new SlidesServer(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/slides.html";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private void announceAMeetupWithOneSeatTo(String... members) {
        events.post("/groups", token(), Map.of("slug", group, "name", "Walk " + run, "description", "A community walking through its pages",
                "timeZone", "Europe/Paris", "language", "en")).expect(201);
        String venue = events.post("/venues", token(), Map.of("name", "Heuritech", "address", "248 rue du Faubourg Saint-Antoine",
                "city", "Paris", "country", "France", "capacity", 1)).expect(201).get("id");
        LocalDate day = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        eventId = events.post("/groups/" + group + "/events", token(), Map.of("title", title, "number", 13,
                "startsAt", day.atTime(19, 0).toString(), "endsAt", day.atTime(22, 0).toString(),
                "timeZone", "Europe/Paris", "venueId", venue)).expect(201).get("id");
        StringBuilder csv = new StringBuilder("name,email\n");
        for (String member : members) {
            csv.append(member, 0, member.indexOf('-')).append(',').append(member).append('\n');
        }
        events.postText("/groups/" + group + "/members/import", token(), "text/csv", csv.toString()).expect(200);
        events.post("/events/" + eventId + "/publish", token(), Map.of()).expect(200);
    }

    private int registrations() {
        return events.get("/events/" + eventId + "/registrations", token()).expect(200).body().path("total").asInt();
    }

    private Mail awaitMail(String address, String subject) {
        return await().atMost(EMAIL).pollInterval(Duration.ofMillis(500))
                .until(() -> mailbox.withSubject(address, subject), mails -> !mails.isEmpty()).get(0);
    }

    private static String link(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("a link matching %s in:%n%s", pattern, text).isTrue();
        return matcher.group();
    }

    private String token() {
        return TestServers.issuer().issuer().token(organiser);
    }
}
