package dev.podium.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.Materials;
import dev.podium.contracts.talks.Reference;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.notifications.audience.Audience;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emails that go to one person: RSVP status, talk submission and decision, invitations, opt-in. */
@MicronautTest(transactional = false)
class PersonalEmailsTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    private final MailTestServer mail = TestServers.mail();
    private final String groupId = UUID.randomUUID().toString();
    private final String organiser = Fixtures.address("orla");
    private EventSnapshot event;

    @BeforeAll
    void groupWithAnEvent() {
        TopicWriter.publish(codec, Fixtures.group(groupId, "fr", organiser));
        event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.group(groupId).isPresent()
                && !audience.organisers(groupId).isEmpty());
    }

    @Test
    void anAttendeeHearsOfEachChangeOfTheirRsvpOnceWithTheLinkThatManagesIt() {
        String attendee = Fixtures.address("attendee");
        String manageUrl = "https://events.podium.example/registrations/r1?token=signed";
        RegistrationSnapshot registration = new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(),
                new PersonRef(null, "Zoé Attendee", attendee), "WAITLISTED", Instant.now(), 1, manageUrl);
        TopicWriter.publish(codec, new RegistrationWaitlisted(registration, ref()));
        RegistrationSnapshot promoted = withStatus(registration, "CONFIRMED");
        TopicWriter.publish(codec, new RegistrationPromoted(promoted, ref()));
        RegistrationConfirmed confirmed = new RegistrationConfirmed(promoted, ref());
        TopicWriter.publish(codec, confirmed);
        TopicWriter.publish(codec, new RegistrationCancelled(withStatus(registration, "CANCELLED"), ref(), CancelledBy.ATTENDEE));
        // When the whole event is cancelled, the event's cancellation email is the one that tells them.
        TopicWriter.publish(codec, new RegistrationCancelled(withStatus(registration, "CANCELLED"), ref(), CancelledBy.EVENT_CANCELLED));

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(attendee).size() >= 4);
        List<ReceivedMail> received = mail.messagesTo(attendee).stream().map(ReceivedMail::of).toList();
        assertThat(received).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "Vous êtes sur liste d'attente : Deep Learning Meetup #13",
                "Une place s'est libérée, vous êtes inscrit·e : Deep Learning Meetup #13",
                "Vous êtes inscrit·e : Deep Learning Meetup #13",
                "Votre inscription est annulée : Deep Learning Meetup #13");
        ReceivedMail waitlisted = find(received, "liste d'attente");
        assertThat(waitlisted.text()).contains("Bonjour Zoé Attendee,", "Votre position sur la liste d'attente : 1", manageUrl);
        assertThat(waitlisted.calendar()).as("the waitlist is a tentative answer to the same invitation")
                .contains("METHOD:REQUEST", "PARTSTAT=TENTATIVE");
        ReceivedMail promotedMail = find(received, "Une place");
        assertThat(promotedMail.html()).contains("href=\"" + manageUrl.replace("&", "&amp;") + "\"");
        assertThat(promotedMail.calendar()).contains("METHOD:REQUEST", "DTSTART;TZID=Europe/Paris:20290307T190000", "PARTSTAT=ACCEPTED");
        String withdrawn = find(received, "annulée").calendar();
        assertThat(withdrawn).as("RFC 5546 §3.2.5: withdrawing one attendee's invitation carries no STATUS")
                .contains("METHOD:CANCEL").doesNotContain("STATUS:");
        assertThat(received).extracting(mail -> uid(mail.calendar())).as("one calendar entry across the RSVP's story")
                .containsOnly(uid(waitlisted.calendar()));
        assertThat(promotedMail.header("List-Unsubscribe")).as("transactional email is not a mailing list").isNull();
    }

    @Test
    void speakersGetAReceiptOrganisersANoticeAndSpeakersTheDecision() {
        String speaker = Fixtures.address("speaker");
        TalkSnapshot talk = talk(speaker, "SUBMITTED");
        TopicWriter.publish(codec, new TalkSubmitted(talk, Instant.now()));
        TopicWriter.publish(codec, new TalkAccepted(talk, "Parfait pour le meetup de mars <3", Instant.now()));
        String rejectedSpeaker = Fixtures.address("rejected");
        TopicWriter.publish(codec, new TalkRejected(talk(rejectedSpeaker, "REJECTED"), "Trop proche d'un autre talk", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(speaker).size() >= 2
                && !mail.messagesTo(rejectedSpeaker).isEmpty()
                && mail.messagesTo(organiser).stream().anyMatch(message -> ReceivedMail.of(message).subject().contains(talk.title())));
        List<ReceivedMail> toSpeaker = mail.messagesTo(speaker).stream().map(ReceivedMail::of).toList();
        assertThat(toSpeaker).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "Nous avons bien reçu votre talk : " + talk.title(), "Votre talk est accepté : " + talk.title());
        assertThat(find(toSpeaker, "reçu").text()).contains(talk.abstractText(), "Diogo Luvizon (PhD Candidate at ETIS - Université de Cergy)");
        ReceivedMail accepted = find(toSpeaker, "accepté");
        assertThat(accepted.text()).contains("Parfait pour le meetup de mars <3");
        assertThat(accepted.html()).contains("Parfait pour le meetup de mars &lt;3").doesNotContain("mars <3");
        assertThat(ReceivedMail.of(mail.messagesTo(rejectedSpeaker).get(0)).text()).contains("Trop proche d'un autre talk");
        ReceivedMail notice = mail.messagesTo(organiser).stream().map(ReceivedMail::of)
                .filter(message -> message.subject().contains(talk.title())).findFirst().orElseThrow();
        assertThat(notice.subject()).isEqualTo("Nouveau talk proposé : " + talk.title());
        assertThat(notice.text()).contains("Un nouveau talk a été proposé à Paris Deep Learning", talk.abstractText());
    }

    @Test
    void anInvitedCoSpeakerGetsTheAcceptLink() {
        String invitee = Fixtures.address("cospeaker");
        String acceptUrl = "https://talks.podium.example/invitations/accept?token=abc.def";
        TopicWriter.publish(codec, new CoSpeakerInvited(talk(Fixtures.address("lead"), "SUBMITTED"), invitee, "Diogo Luvizon", acceptUrl,
                Instant.parse("2029-02-01T12:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mail.messagesTo(invitee).isEmpty());
        ReceivedMail invitation = ReceivedMail.of(mail.messagesTo(invitee).get(0));
        assertThat(invitation.subject()).startsWith("Invitation à co-présenter « 2D/3D Pose Estimation");
        assertThat(invitation.text()).contains("Diogo Luvizon vous invite", acceptUrl, "2029");
    }

    @Test
    void confirmedAttendeesHearThatTheSlidesAreOnline() {
        String confirmed = Fixtures.address("confirmed");
        String waitlisted = Fixtures.address("waitlisted");
        TopicWriter.publish(codec, new RegistrationConfirmed(new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(),
                new PersonRef(null, "Confirmed", confirmed), "CONFIRMED", Instant.now(), null, null), ref()));
        TopicWriter.publish(codec, new RegistrationWaitlisted(new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(),
                new PersonRef(null, "Waitlisted", waitlisted), "WAITLISTED", Instant.now(), 3, null), ref()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mail.messagesTo(confirmed).isEmpty() && !mail.messagesTo(waitlisted).isEmpty());

        TopicWriter.publish(codec, new TalkMaterialsPublished(talk(Fixtures.address("presenter"), "CONFIRMED"),
                new Materials("https://slides.example/pose.pdf", null, "https://github.com/example/pose",
                        List.of(new Reference("Human3.6M", "http://vision.imar.ro/human3.6m/"))), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(confirmed).size() == 2);
        ReceivedMail slides = ReceivedMail.of(mail.messagesTo(confirmed).get(1));
        assertThat(slides.subject()).startsWith("Les slides sont en ligne : 2D/3D Pose Estimation");
        assertThat(slides.text()).contains("https://slides.example/pose.pdf", "Human3.6M: http://vision.imar.ro/human3.6m/",
                "Présenté à Deep Learning Meetup #13");
        assertThat(slides.header("List-Unsubscribe")).isNotNull();
        assertThat(mail.messagesTo(waitlisted)).as("only confirmed attendees were there to see the talk").hasSize(1);
    }

    @Test
    void someoneJoiningAGroupGetsTheDoubleOptInLink() {
        String newcomer = Fixtures.address("newcomer");
        TopicWriter.publish(codec, Fixtures.member(groupId, newcomer, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mail.messagesTo(newcomer).isEmpty());
        ReceivedMail optIn = ReceivedMail.of(mail.messagesTo(newcomer).get(0));
        assertThat(optIn.subject()).isEqualTo("Confirmez votre adhésion à Paris Deep Learning");
        assertThat(optIn.text()).contains("https://events.podium.example/members/confirm?token=abc", "ignorez cet email");
        assertThat(audience.members(groupId)).extracting(recipient -> recipient.email()).doesNotContain(newcomer);
    }

    private TalkSnapshot talk(String speakerEmail, String status) {
        Fixtures.SeedTalk seed = Fixtures.meetup13Talks().get(2);
        return new TalkSnapshot(UUID.randomUUID().toString(), event.eventId(), groupId, seed.title(), seed.abstractText(), "TALK", 30,
                "en", null, List.of("pose"), List.of(new SpeakerRef("spk", null, seed.speaker(), speakerEmail, seed.affiliation())), status);
    }

    private EventRef ref() {
        return new EventRef(event.eventId(), groupId, event.groupSlug(), event.groupName(), event.language(), event.number(),
                event.title(), event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(),
                event.endsAtUtc(), event.venue(), event.sequence(), event.url());
    }

    private static RegistrationSnapshot withStatus(RegistrationSnapshot registration, String status) {
        return new RegistrationSnapshot(registration.registrationId(), registration.eventId(), registration.attendee(), status,
                registration.createdAt(), null, registration.manageUrl());
    }

    private static ReceivedMail find(List<ReceivedMail> mails, String subjectPart) {
        return mails.stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElseThrow();
    }

    private static String uid(String calendar) {
        return calendar.replaceAll("\r\n[ \t]", "").lines().filter(line -> line.startsWith("UID:")).findFirst().orElseThrow();
    }
}
