package dev.podium.contracts;

import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCompleted;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.LeaveReason;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.contracts.events.PersonErased;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.contracts.notifications.CalendarAnswer;
import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.Materials;
import dev.podium.contracts.talks.Reference;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkConfirmed;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.contracts.talks.TalkWithdrawn;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One realistic message per {@link MessageCatalog} entry, from the Deep Learning Meetup #13 seed text.
 */
final class MessageSamples {

    static final String GROUP_ID = "0b7f6c2e-5d1a-4c8e-9f3b-2a6d8e4f1c90";
    static final String EVENT_ID = "6e2d9a41-3b7c-4f0e-8a15-c4d3b2a1f098";
    static final String ZONE = "Europe/Paris";

    static final PersonRef ORGANISER = new PersonRef("auth0|5c9e1f", "Héloïse Castaño", "heloise@heuritech.example");
    static final PersonRef ATTENDEE = new PersonRef(null, "Zoë Lefèvre", "zoe.lefevre@example.org");

    static final SpeakerRef GRISEL = new SpeakerRef("spk-ogrisel", "auth0|7a1b2c", "Olivier Grisel",
            "olivier.grisel@example.org", "ML Expert - Software Engineer at INRIA");
    static final SpeakerRef MENSCH = new SpeakerRef("spk-amensch", null, "Arthur Mensch",
            "arthur.mensch@example.org", "PhD Candidate at INRIA Parietal");
    static final SpeakerRef LUVIZON = new SpeakerRef("spk-dluvizon", null, "Diogo Luvizon",
            null, "PhD Candidate at ETIS - Université de Cergy");
    static final SpeakerRef ANDREWS = new SpeakerRef("spk-mandrews", null, "Martin Andrews",
            "martin@reddragon.example", "Red Dragon AI");

    static final String GRISEL_ABSTRACT = "This talk will give an overview to some recent theoretical results and "
            + "experiments on why deep learning models work so well (when they work). In particular we will discuss "
            + "expressive power, optimization and generalization and their interaction. We will illustrate some of "
            + "the main insights with empirical experiments.";
    static final String MENSCH_ABSTRACT = "Dynamic programming (DP) solves a variety of structured combinatorial "
            + "problems by iteratively breaking them down into smaller subproblems. In spite of their versatility, DP "
            + "algorithms are usually non-differentiable, which hampers their use as a layer in neural networks "
            + "trained by backpropagation. To address this issue, we propose to smooth the max operator in the "
            + "dynamic programming recursion, using a strongly convex regularizer. This allows to relax both the "
            + "optimal value and solution of the original combinatorial problem, and turns a broad class of DP "
            + "algorithms into differentiable operators. Theoretically, we provide a new probabilistic perspective on "
            + "backpropagating through these DP operators, and relate them to inference in graphical models. We "
            + "derive two particular instantiations of our framework, a smoothed Viterbi algorithm for sequence "
            + "prediction and a smoothed DTW algorithm for time-series alignment, both in $\\mathcal{O}(n^2)$. We "
            + "showcase these instantiations on two structured prediction tasks and on structured and sparse "
            + "attention for neural machine translation.";
    static final String LUVIZON_ABSTRACT = "Action recognition and human pose estimation are closely related tasks "
            + "since both problems depend on the human body understanding and additionally, action recognition "
            + "benefits from precise estimated poses. Despite that, both problems are generally handled as distinct "
            + "tasks in the literature. In this work, we propose a multitask framework for jointly 2D and 3D pose "
            + "estimation from still images and human action recognition from video sequences. We show that a single "
            + "architecture can be used to solve the two problems in an efficient way and still achieves "
            + "state-of-the-art results. Additionally, we demonstrate that optimization from end-to-end leads to "
            + "significantly higher accuracy than separated learning. The proposed architecture can be trained with "
            + "data from different categories simultaneously in a seamlessly way. The reported results on four "
            + "datasets (MPII, Human3.6M, Penn Action and NTU) demonstrate the effectiveness of our method on the "
            + "targeted tasks.";
    static final String NEURAL_ODE_ABSTRACT = "ResNets compute \\( h_{t+1} = f(h_t, \\theta_t) + h_t \\): step a "
            + "fraction of a layer and you get \\( {{dh_{t}}\\over{dt}} = f(h_t, \\theta_t, t) \\), a differential "
            + "equation. Co-winner of the NeurIPS Best Paper, in five minutes.";

    static final VenueSnapshot HEURITECH = new VenueSnapshot("5a0c3e7d-venue-heuritech", "Heuritech",
            "42 rue de la Roquette", "Paris", "FR", "3ᵉ étage, sonnez à « Heuritech » 🔔");
    static final VenueSnapshot INRIA = new VenueSnapshot("9d4b1f2a-venue-inria", "Inria Paris",
            "2 rue Simone Iff", "Paris", "FR", null);

    static final List<AgendaSlotSnapshot> AGENDA = List.of(
            slot("slot-1", 19, 0, 19, 30, "TALK", "Generalization in Deep networks", "sub-grisel", GRISEL,
                    GRISEL_ABSTRACT),
            slot("slot-2", 19, 30, 20, 0, "TALK",
                    "Differentiable Dynamic Programming for Structured Prediction and Attention", "sub-mensch", MENSCH,
                    MENSCH_ABSTRACT),
            slot("slot-3", 20, 0, 20, 30, "TALK",
                    "2D/3D Pose Estimation and Action Recognition using Multitask Deep Learning", null, LUVIZON,
                    LUVIZON_ABSTRACT),
            new AgendaSlotSnapshot("slot-4", at(20, 30), at(22, 0), null, "Cafétéria", "SOCIAL",
                    "Pizzas 🍕 and drinks", null, List.of(), null));

    static final String DESCRIPTION = """
            Dear DeepLearners,
            Our next Meetup is scheduled on Wednesday March 3 at 7:00 pm. This meetup is a little special, since it \
            is a bit more focused into research than usual... To those afraid of math, beware!
            As usual, pizzas 🍕 and drinks will be provided after the talks.
            Heuritech Meetup Team.""";

    static final EventSnapshot DRAFT = new EventSnapshot(EVENT_ID, GROUP_ID, "deep-learning-paris",
            "Deep Learning Paris", "en", 13, "Deep Learning Meetup #13", null, "DRAFT", null, null, ZONE, null, null,
            null, null, 0, null, List.of());
    static final EventSnapshot PUBLISHED = new EventSnapshot(EVENT_ID, GROUP_ID, "deep-learning-paris",
            "Deep Learning Paris", "en", 13, "Deep Learning Meetup #13", DESCRIPTION, "PUBLISHED", at(19, 0),
            at(22, 0), ZONE, Instant.parse("2027-03-03T18:00:00Z"), Instant.parse("2027-03-03T21:00:00Z"), HEURITECH,
            120, 1, "https://podium.example/g/deep-learning-paris/e/13", AGENDA);
    static final EventSnapshot MOVED = new EventSnapshot(EVENT_ID, GROUP_ID, "deep-learning-paris",
            "Deep Learning Paris", "en", 13, "Deep Learning Meetup #13", DESCRIPTION, "PUBLISHED", at(19, 30),
            at(22, 30), ZONE, Instant.parse("2027-03-03T18:30:00Z"), Instant.parse("2027-03-03T21:30:00Z"), INRIA,
            120, 2, "https://podium.example/g/deep-learning-paris/e/13", AGENDA);

    static final EventRef EVENT_REF = new EventRef(EVENT_ID, GROUP_ID, "deep-learning-paris", "Deep Learning Paris",
            "en", 13, "Deep Learning Meetup #13", "PUBLISHED", at(19, 0), at(22, 0), ZONE,
            Instant.parse("2027-03-03T18:00:00Z"), Instant.parse("2027-03-03T21:00:00Z"), HEURITECH, 1,
            "https://podium.example/g/deep-learning-paris/e/13");

    static final TalkSnapshot MENSCH_TALK = new TalkSnapshot("sub-mensch", EVENT_ID, GROUP_ID,
            "Differentiable Dynamic Programming for Structured Prediction and Attention", MENSCH_ABSTRACT, "TALK", 30,
            "en", "ADVANCED", List.of("dynamic-programming", "structured-prediction", "attention"), List.of(MENSCH),
            "SUBMITTED");
    static final TalkSnapshot NEURAL_ODE_TALK = new TalkSnapshot("sub-neural-ode", null, GROUP_ID, "Neural ODEs",
            NEURAL_ODE_ABSTRACT, "LIGHTNING", 5, null, null, List.of(), List.of(ANDREWS), "SUBMITTED");

    private MessageSamples() {
    }

    static List<PodiumMessage> all() {
        Instant submitted = Instant.parse("2027-01-20T21:47:12.345Z");
        return List.of(
                new GroupCreated(GROUP_ID, "deep-learning-paris", "Deep Learning Paris",
                        "Monthly talks on deep learning research and practice. Bienvenue à tous !", ZONE, "en",
                        List.of(ORGANISER), Instant.parse("2026-09-01T08:00:00Z")),
                new OrganiserAdded(GROUP_ID, "deep-learning-paris",
                        new PersonRef("auth0|8d2e4a", "Loïc Dupré", "loic@heuritech.example"),
                        Instant.parse("2026-09-02T10:30:00Z")),
                new MemberJoined(GROUP_ID, "deep-learning-paris", "Deep Learning Paris", "en", "mbr-zoe",
                        ATTENDEE.name(), ATTENDEE.email(), MembershipSource.JOINED, false,
                        "https://podium.example/confirm?token=eyJtIjoibWJyLXpvZSJ9.c2lnbmF0dXJl",
                        Instant.parse("2027-02-10T09:15:30.250Z"), null),
                new MemberConfirmed(GROUP_ID, "deep-learning-paris", "mbr-zoe", ATTENDEE.email(),
                        Instant.parse("2027-02-10T09:17:02Z")),
                new MemberLeft(GROUP_ID, "deep-learning-paris", "mbr-zoe", ATTENDEE.email(),
                        LeaveReason.UNSUBSCRIBED, Instant.parse("2027-04-01T12:00:00Z")),

                new EventCreated(DRAFT),
                new EventPublished(PUBLISHED, Instant.parse("2027-02-01T17:00:00Z")),
                new EventUpdated(MOVED, PUBLISHED, List.of(ChangeKind.TIME, ChangeKind.VENUE),
                        Instant.parse("2027-02-25T11:05:00Z")),
                new EventCancelled(withStatus(PUBLISHED, "CANCELLED", 2), "La salle n'est plus disponible (grève) — désolés ! 😢",
                        Instant.parse("2027-03-01T07:45:00Z")),
                new EventCompleted(withStatus(PUBLISHED, "COMPLETED", 1), Instant.parse("2027-03-03T21:00:00Z")),

                new RegistrationConfirmed(registration("reg-zoe", "CONFIRMED", null), EVENT_REF),
                new RegistrationWaitlisted(registration("reg-zoe", "WAITLISTED", 3), EVENT_REF),
                new RegistrationPromoted(registration("reg-zoe", "CONFIRMED", null), EVENT_REF),
                new RegistrationCancelled(registration("reg-zoe", "CANCELLED", null), EVENT_REF, CancelledBy.ATTENDEE),

                new PersonErased("era-3c1d", ATTENDEE.email(), Instant.parse("2027-05-01T00:00:00Z")),

                new TalkSubmitted(NEURAL_ODE_TALK, submitted),
                new TalkUpdated(MENSCH_TALK, 2, Instant.parse("2027-01-22T08:00:00Z")),
                new TalkWithdrawn(withStatus(NEURAL_ODE_TALK, "WITHDRAWN"), Instant.parse("2027-01-25T13:00:00Z")),
                new TalkAccepted(withStatus(MENSCH_TALK, "ACCEPTED"), "Great fit for a research-focused evening.",
                        Instant.parse("2027-01-28T19:00:00Z")),
                new TalkRejected(withStatus(NEURAL_ODE_TALK, "REJECTED"), null,
                        Instant.parse("2027-01-28T19:05:00Z")),
                new TalkConfirmed(withStatus(MENSCH_TALK, "CONFIRMED"), Instant.parse("2027-01-29T07:30:00Z")),
                new CoSpeakerInvited(MENSCH_TALK, "mathieu.blondel@example.org", "Arthur Mensch",
                        "https://podium.example/talks/sub-mensch/invitations/accept?token=aW52aXRl.c2ln",
                        Instant.parse("2027-02-05T23:59:59Z")),
                new TalkMaterialsPublished(withStatus(MENSCH_TALK, "CONFIRMED"), new Materials(
                        "https://slides.example/amensch/differentiable-dp.pdf", null,
                        "https://github.com/arthurmensch/didyprog",
                        List.of(new Reference("Differentiable Dynamic Programming for Structured Prediction and "
                                + "Attention (ICML 2018)", "https://arxiv.org/abs/1802.03676"))),
                        Instant.parse("2027-03-04T10:00:00Z")),

                new MemberUnsubscribed("uns-7f3a", null, ATTENDEE.email(), Instant.parse("2027-03-20T18:42:00Z")),
                new CalendarReplyReceived("rep-2c9d", "evt-42", ATTENDEE.email(), "Zoé Lefèvre", CalendarAnswer.ACCEPTED,
                        Instant.parse("2027-03-21T08:15:00Z")));
    }

    static LocalDateTime at(int hour, int minute) {
        return LocalDateTime.of(2027, 3, 3, hour, minute);
    }

    private static AgendaSlotSnapshot slot(String id, int fromHour, int fromMinute, int toHour, int toMinute,
                                           String kind, String title, String talkId, SpeakerRef speaker,
                                           String abstractText) {
        return new AgendaSlotSnapshot(id, at(fromHour, fromMinute), at(toHour, toMinute), "Main track",
                "Amphithéâtre", kind, title, talkId, List.of(speaker), abstractText);
    }

    private static TalkSnapshot withStatus(TalkSnapshot t, String status) {
        return new TalkSnapshot(t.submissionId(), t.eventId(), t.groupId(), t.title(), t.abstractText(), t.format(),
                t.durationMinutes(), t.language(), t.level(), t.tags(), t.speakers(), status);
    }

    private static EventSnapshot withStatus(EventSnapshot e, String status, int sequence) {
        return new EventSnapshot(e.eventId(), e.groupId(), e.groupSlug(), e.groupName(), e.language(), e.number(),
                e.title(), e.description(), status, e.startsAt(), e.endsAt(), e.timeZone(), e.startsAtUtc(),
                e.endsAtUtc(), e.venue(), e.capacity(), sequence, e.url(), e.agenda());
    }

    private static RegistrationSnapshot registration(String id, String status, Integer waitlistPosition) {
        return new RegistrationSnapshot(id, EVENT_ID, ATTENDEE, status, Instant.parse("2027-02-10T09:20:00Z"),
                waitlistPosition, "https://podium.example/r/" + id + "?sig=Zm9vYmFy");
    }
}
