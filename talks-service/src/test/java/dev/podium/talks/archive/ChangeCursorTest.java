package dev.podium.talks.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Change ids committed out of order are waited for; the safe point never passes one not read yet. */
class ChangeCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHoleHoldsTheSafePointUntilItsChangeShowsUp() {
        ChangeCursor cursor = new ChangeCursor(10, Duration.ofSeconds(60));
        cursor.read(List.of(11L, 13L, 14L), T0);
        assertThat(cursor.highest()).isEqualTo(14);
        assertThat(cursor.missing()).containsExactly(12L);
        assertThat(cursor.safePoint()).isEqualTo(11);

        cursor.read(List.of(12L), T0.plusSeconds(1));
        assertThat(cursor.missing()).isEmpty();
        assertThat(cursor.safePoint()).isEqualTo(14);
    }

    @Test
    void aHoleMissingLongerThanAnyTransactionIsGivenUp() {
        ChangeCursor cursor = new ChangeCursor(0, Duration.ofSeconds(60));
        cursor.read(List.of(1L, 4L), T0);
        assertThat(cursor.missing()).containsExactly(2L, 3L);
        cursor.read(List.of(), T0.plusSeconds(60));
        assertThat(cursor.safePoint()).isEqualTo(1);
        cursor.read(List.of(), T0.plusSeconds(61));
        assertThat(cursor.missing()).isEmpty();
        assertThat(cursor.safePoint()).isEqualTo(4);
    }

    @Test
    void idsReadInAnyOrderWithinABatch() {
        ChangeCursor cursor = new ChangeCursor(5, Duration.ofSeconds(60));
        cursor.read(List.of(8L, 6L, 7L), T0);
        assertThat(cursor.missing()).isEmpty();
        assertThat(cursor.safePoint()).isEqualTo(8);
    }
}
