package dev.podium.notifications.reply;

import dev.podium.contracts.notifications.CalendarAnswer;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.invitation.InvitationUids;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether an email answers an invitation Podium sent: an iTIP REPLY whose UID verifies, through
 * {@link InvitationUids}, for its ATTENDEE's address (so a foreign UID, a tampered signature or another
 * attendee's address do not match), and what it answers.
 *
 * @param reason   why it does not match, or why a matched reply is not acted on; null for an ACCEPTED or DECLINED match
 * @param eventId  the event, when matched
 * @param answer   the ACCEPTED or DECLINED answer to act on; null otherwise
 */
record ReplyVerdict(ReplyStatus status, @Nullable String reason, @Nullable ItipReply itip, @Nullable String eventId,
                    @Nullable CalendarAnswer answer) {

    static ReplyVerdict of(IncomingReply reply, InvitationUids uids) {
        if (reply.calendar() == null) {
            return unmatched("no-calendar", null);
        }
        Optional<ItipReply> parsed = ItipReply.parse(reply.calendar());
        if (parsed.isEmpty()) {
            return unmatched("unparsable-calendar", null);
        }
        ItipReply itip = parsed.get();
        if (!"REPLY".equals(itip.method())) {
            return unmatched("not-a-reply", itip);
        }
        if (itip.uid() == null || itip.attendeeAddress() == null) {
            return unmatched("no-uid-or-attendee", itip);
        }
        Optional<String> eventId = uids.eventOf(itip.uid(), Recipient.normalise(itip.attendeeAddress()));
        if (eventId.isEmpty()) {
            return unmatched("uid-not-issued-to-attendee", itip);
        }
        Optional<CalendarAnswer> answer = Arrays.stream(CalendarAnswer.values())
                .filter(a -> a.name().equals(itip.participation()))
                .findFirst();
        return new ReplyVerdict(ReplyStatus.MATCHED, answer.isPresent() ? null : "answer-not-acted-on", itip, eventId.get(),
                answer.orElse(null));
    }

    private static ReplyVerdict unmatched(String reason, @Nullable ItipReply itip) {
        return new ReplyVerdict(ReplyStatus.UNMATCHED, reason, itip, null, null);
    }
}
