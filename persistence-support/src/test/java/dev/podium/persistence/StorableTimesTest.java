package dev.podium.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StorableTimesTest {

    @Test
    void timesADatabaseAndACalendarHoldAreStorable() {
        assertThat(StorableTimes.storable(Instant.parse("2029-03-07T18:00:00Z"))).isTrue();
        assertThat(StorableTimes.storable(LocalDateTime.parse("1900-01-01T00:00:00"))).isTrue();
        assertThat(StorableTimes.storable(LocalDate.parse("9998-12-31"))).isTrue();
    }

    @Test
    void yearsNoDatabaseStoresAreNot() {
        assertThat(StorableTimes.storable(Instant.parse("+275760-09-13T00:00:00Z"))).isFalse();
        assertThat(StorableTimes.storable(Instant.EPOCH.minusSeconds(3_000_000_000L))).isFalse();
        assertThat(StorableTimes.storable(LocalDateTime.parse("0001-01-01T00:00:00"))).isFalse();
        assertThat(StorableTimes.storable(LocalDateTime.parse("9999-12-31T23:00:00"))).isFalse();
    }
}
