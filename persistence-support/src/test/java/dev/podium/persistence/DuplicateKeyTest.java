package dev.podium.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DuplicateKeyTest {

    private final RuntimeException duplicateEmail = new RuntimeException("insert failed",
            new SQLIntegrityConstraintViolationException("Duplicate entry 'a@example.org' for key 'uk_speaker_email'", "23000", 1062));
    private final RuntimeException foreignKey = new RuntimeException("insert failed",
            new SQLIntegrityConstraintViolationException("Cannot add or update a child row", "23000", 1452));

    @Test
    void recognisesDuplicateKeysThroughWrappingExceptions() {
        assertThat(DuplicateKey.any(duplicateEmail)).isTrue();
        assertThat(DuplicateKey.on(duplicateEmail, "uk_speaker_email")).isTrue();
        assertThat(DuplicateKey.on(duplicateEmail, "uk_review_reviewer")).isFalse();
        assertThat(DuplicateKey.any(foreignKey)).isFalse();
    }

    @Test
    void turnsOnlyTheNamedKeyIntoTheGivenProblem() {
        assertThatThrownBy(() -> DuplicateKey.refused("uk_speaker_email",
                EmailTaken::new, () -> {
                    throw duplicateEmail;
                })).isInstanceOf(EmailTaken.class);
        assertThatThrownBy(() -> DuplicateKey.refused("uk_speaker_email",
                EmailTaken::new, () -> {
                    throw foreignKey;
                })).isSameAs(foreignKey);
    }

    /** What a service throws instead, e.g. api-support's Conflict (409). */
    private static final class EmailTaken extends RuntimeException {
    }
}
