package dev.podium.talks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An event's start as pages show it: its wall-clock time in its own zone, named, in the reader's language. */
class ShownTimeTest {

    @Test
    void theEventsOwnTimeAndZoneInTheReadersLanguage() {
        ShownTime winter = ShownTime.of(LocalDateTime.of(2018, 3, 7, 19, 0), "Europe/Paris", Locale.FRENCH);
        assertThat(winter).isEqualTo(new ShownTime("2018-03-07T19:00+01:00", "2018-03-07", "7 mars 2018", "19:00",
                "heure normale d’Europe centrale"));

        ShownTime summer = ShownTime.of(LocalDateTime.of(2018, 7, 2, 9, 0), "Europe/Paris", Locale.ENGLISH);
        assertThat(summer.isoDateTime()).isEqualTo("2018-07-02T09:00+02:00");
        assertThat(summer.date()).isEqualTo("July 2, 2018");
        assertThat(summer.time().replace('\u202f', ' ')).isEqualTo("9:00 AM");
        assertThat(summer.zone()).isEqualTo("Central European Summer Time");

        assertThat(ShownTime.of(LocalDateTime.of(2019, 2, 26, 19, 0), "Asia/Singapore", Locale.ENGLISH).zone())
                .isEqualTo("Singapore Standard Time");
    }

    @Test
    void noDateIsNothingToShowAndAnUnknownZoneIsShownAsUtc() {
        assertThat(ShownTime.of(null, "Europe/Paris", Locale.ENGLISH)).isNull();
        assertThat(ShownTime.of(LocalDateTime.of(2030, 1, 1, 10, 0), "Mars/Olympus_Mons", Locale.ENGLISH).isoDateTime())
                .isEqualTo("2030-01-01T10:00Z");
    }
}
