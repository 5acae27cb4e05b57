package dev.podium.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void writesJsonThatParsesBackToTheSameDocument() throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@context", "https://schema.org");
        event.put("@type", "Event");
        event.put("name", "Séminaire \"IA\" — Université\nLyon\t2");
        event.put("startDate", OffsetDateTime.parse("2027-03-07T19:00:00+01:00"));
        event.put("remainingAttendeeCapacity", 12);
        event.put("isAccessibleForFree", true);
        event.put("performer", List.of(Map.of("@type", "Person", "name", "Ada")));
        event.put("doorTime", null);

        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(JsonLd.of(event), Map.class);

        assertThat(parsed.get("name")).isEqualTo("Séminaire \"IA\" — Université\nLyon\t2");
        assertThat(parsed.get("startDate")).isEqualTo("2027-03-07T19:00+01:00");
        assertThat(parsed.get("remainingAttendeeCapacity")).isEqualTo(12);
        assertThat(parsed.get("isAccessibleForFree")).isEqualTo(true);
        assertThat(parsed.get("performer")).isEqualTo(List.of(Map.of("@type", "Person", "name", "Ada")));
        assertThat(parsed).doesNotContainKey("doorTime");
    }

    @Test
    void textCannotCloseTheScriptElement() throws IOException {
        String written = JsonLd.of(Map.of("name", "</script><script>alert(1)</script> & more"));

        assertThat(written).doesNotContain("<", ">", "&");
        assertThat(json.readValue(written, Map.class).get("name")).isEqualTo("</script><script>alert(1)</script> & more");
    }

    @Test
    void refusesValuesItCannotWrite() {
        assertThatThrownBy(() -> JsonLd.of(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
    }
}
