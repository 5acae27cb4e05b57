package dev.podium.notifications.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.Recipient;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicWriter;
import dev.podium.testsupport.browser.BrowserPerClass;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An email's unsubscribe link followed in a real browser with JavaScript off: both pages
 * (screenshots, axe), and the button that opts out.
 */
@MicronautTest(transactional = false)
class UnsubscribePageBrowserTest implements RealServers {

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    @Inject
    MessageCodec codec;
    @Inject
    Audience audience;
    @Inject
    UnsubscribeTokens tokens;
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theLinkShowsAnAccessiblePageWhoseButtonUnsubscribesWithoutJavaScript() {
        String groupId = UUID.randomUUID().toString();
        String leaving = Fixtures.address("leaving");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.address("orla")));
        TopicWriter.publish(codec, Fixtures.member(groupId, leaving, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 1);
        String link = server.getURL() + "/unsubscribe?token=" + tokens.issue(groupId, leaving);

        browser.get().javaScript(false).open(link).check("unsubscribe");
        assertThat(browser.get().text()).contains("Stop email from Paris Deep Learning to " + leaving + "?");
        assertThat(audience.members(groupId)).as("a browser opening the link changes nothing").hasSize(1);

        browser.get().clickButton("Unsubscribe").check("unsubscribed");
        assertThat(browser.get().title()).isEqualTo("You are unsubscribed");
        assertThat(browser.get().text()).contains(leaving + " will receive no more email from Paris Deep Learning.");
        assertThat(audience.members(groupId)).extracting(Recipient::email).isEmpty();
    }

    @Test
    void thePagesSayWhichLanguageTheyAreIn() {
        String token = tokens.issue(UnsubscribeTokens.ALL_GROUPS, Fixtures.address("polyglot"));
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/unsubscribe?token=" + token).header("Accept-Language", "fr")))
                .contains("<html lang=\"fr\"").contains("Se désabonner");
        String german = http.toBlocking().retrieve(HttpRequest.GET("/unsubscribe?token=" + token).header("Accept-Language", "de"));
        assertThat(german).as("a language without texts gets the fallback's, said to be in the fallback's language")
                .contains(german.contains("Se désabonner") ? "<html lang=\"fr\"" : "<html lang=\"en\"");
    }
}
