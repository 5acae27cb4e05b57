package dev.podium.notifications.invitation;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The ORGANIZER address of invitations ({@code podium.notifications.invitations.organizer-address},
 * env {@code INVITATIONS_ORGANIZER_ADDRESS}): attendees' calendars send their iTIP REPLY there, so it
 * must be a mailbox Podium reads (see {@code podium.notifications.replies}).
 */
@ConfigurationProperties("podium.notifications.invitations")
public class InvitationSettings {

    @NotBlank
    private String organizerAddress = "rsvp@podium.localhost";

    public String getOrganizerAddress() { return organizerAddress; }
    public void setOrganizerAddress(String organizerAddress) { this.organizerAddress = organizerAddress; }
}
