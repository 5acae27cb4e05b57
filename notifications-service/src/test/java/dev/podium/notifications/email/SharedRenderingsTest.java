package dev.podium.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.notifications.Fixtures;
import dev.podium.notifications.email.EmailTemplates.RenderedEmail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy filled into the shared rendering is the email a rendering for that recipient alone gives,
 * whatever the recipient's values hold (markup, quotes, accents, values Thymeleaf reads as false) and
 * whichever of them are absent.
 */
class SharedRenderingsTest {

    private static final List<String> NAMES = List.of("recipientName", "recipientEmail", "manageUrl", "importedBy",
            "unsubscribeUrl", "unsubscribeAllUrl");
    private static final List<String[]> RECIPIENTS = List.of(
            new String[] {"Zoë <b>O'Brien</b> & \"Co\"", "zoe@example.org", "https://podium.test/manage?r=1&t=a\"b",
                    "Orla & <Co>", "https://podium.test/unsubscribe?token=em9lQGV4YW1wbGUub3Jn.a-b_c", "https://podium.test/u?t=*&x"},
            new String[] {"Ada Lovelace", "ada@example.org", null, null, "https://podium.test/unsubscribe?token=YWRh.x", "https://podium.test/u?t=all"},
            new String[] {null, "anonymous@example.org", null, null, null, null},
            new String[] {"no", "no@example.org", null, "false", "https://podium.test/unsubscribe?token=bm8.y", "https://podium.test/u?t=no"},
            new String[] {"", "empty@example.org", "", "", "", ""},
            new String[] {"Ünïcødé 😀 \uE000 1 \uE001", "emoji@example.org", null, "Ünïcødé", "https://podium.test/u?token=%E2%82%AC", "x"});

    private final EmailTemplates templates = new EmailTemplates();
    private final SharedRenderings renderings = new SharedRenderings(templates);

    @ParameterizedTest
    @CsvSource({"announcement, en", "announcement, fr", "event-cancellation, en", "reminder, fr", "registration-confirmed, en"})
    void eachCopyIsTheEmailRenderedForItsRecipientAlone(String template, String language) {
        Locale locale = EmailLanguage.locale(language);
        Map<String, Object> shared = new HashMap<>();
        shared.put("event", EventModel.of(Fixtures.meetup13(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                List.of("olivier@example.org", "arthur@example.org", "diogo@example.org")), locale));
        shared.put("reason", "The venue <flooded> & closed");
        shared.put("subject", "Meetup #13 — “Zoë's” night");
        String notification = UUID.randomUUID().toString();

        List<RenderedEmail> copies = new ArrayList<>();
        List<RenderedEmail> alone = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String[] recipient : RECIPIENTS) {
                copies.add(renderings.render(notification, template, locale, shared, NAMES, recipient));
                alone.add(templates.render(template, locale, variables(shared, recipient)));
            }
        }

        assertThat(copies).isEqualTo(alone);
        assertThat(copies.get(0).html()).contains("Zoë &lt;b&gt;O").doesNotContain("<b>O");
        assertThat(copies.get(0).text()).contains("Zoë <b>O'Brien</b> & \"Co\"");
    }

    @Test
    void fiftyCopiesOfAnAnnouncementRenderTheTemplateOnceAndCheckItOnce() {
        AtomicInteger rendered = new AtomicInteger();
        EmailTemplates counting = new EmailTemplates() {
            @Override
            public RenderedEmail render(String template, Locale locale, Map<String, Object> variables) {
                rendered.incrementAndGet();
                return super.render(template, locale, variables);
            }
        };
        SharedRenderings shared = new SharedRenderings(counting);
        Locale locale = EmailLanguage.locale("en");
        Map<String, Object> model = Map.of("event", EventModel.of(Fixtures.meetup13(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), List.of("olivier@example.org", "arthur@example.org", "diogo@example.org")), locale),
                "subject", "Meetup #13");
        String notification = UUID.randomUUID().toString();

        List<String> greetings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String[] recipient = {"Member " + i, "member" + i + "@example.org", null, "Orla",
                    "https://podium.test/unsubscribe?token=" + i, "https://podium.test/unsubscribe?token=all" + i};
            greetings.add(shared.render(notification, "announcement", locale, model, NAMES, recipient).text().lines().findFirst()
                    .orElseThrow());
        }

        assertThat(rendered).hasValue(2);
        assertThat(greetings).doesNotHaveDuplicates().allMatch(greeting -> greeting.contains("Member "));
    }

    private static Map<String, Object> variables(Map<String, Object> shared, String[] recipient) {
        Map<String, Object> variables = new HashMap<>(shared);
        for (int i = 0; i < NAMES.size(); i++) {
            variables.put(NAMES.get(i), recipient[i]);
        }
        return variables;
    }
}
