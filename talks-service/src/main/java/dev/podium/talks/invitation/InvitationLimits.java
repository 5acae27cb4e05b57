package dev.podium.talks.invitation;

import dev.podium.security.quota.Quota;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How many co-speaker invitations may go out: an invitation emails any address with the talk's
 * text, so without a bound a submission would be a way to send mail to strangers
 * ({@code podium.quotas.*}, README "Operations").
 */
@ConfigurationProperties("podium.quotas")
public class InvitationLimits {

    static final Quota PER_SUBMISSION = new Quota("invitations-per-submission", "co-speaker invitations",
            "invitations count whether they were accepted, expired or are still pending");
    static final Quota PER_SPEAKER = new Quota("invitations-per-speaker", "co-speaker invitations sent by you",
            "");

    private int invitationsPerSubmission = 10;
    private int invitationsPerSpeakerPerDay = 20;

    int perSubmission() {
        return invitationsPerSubmission;
    }

    int perSpeakerPerDay() {
        return invitationsPerSpeakerPerDay;
    }

    public int getInvitationsPerSubmission() {
        return invitationsPerSubmission;
    }

    public void setInvitationsPerSubmission(int invitationsPerSubmission) {
        this.invitationsPerSubmission = invitationsPerSubmission;
    }

    public int getInvitationsPerSpeakerPerDay() {
        return invitationsPerSpeakerPerDay;
    }

    public void setInvitationsPerSpeakerPerDay(int invitationsPerSpeakerPerDay) {
        this.invitationsPerSpeakerPerDay = invitationsPerSpeakerPerDay;
    }
}
