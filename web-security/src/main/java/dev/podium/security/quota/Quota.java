package dev.podium.security.quota;

/**
 * A limit on something that sends email to people who did not ask for it (imports, announcements,
 * invitations), counted per subject (a group, a person) and UTC day.
 *
 * @param name   stable identifier, in the problem's {@code quota} parameter and in the table
 * @param counts what it counts, as the error message says it ("members imported into this group")
 * @param remedy what to do besides waiting, as a clause ("ask an administrator to raise the group's quota"), or empty
 */
public record Quota(String name, String counts, String remedy) {
}
