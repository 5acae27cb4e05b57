package dev.podium.events.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.events.EventsApi;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.browser.BrowserPerClass;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The opt-in link of a membership, followed in a real browser: the page it opens (screenshots, axe)
 * asks and changes nothing; its button confirms, with the browser's JavaScript off.
 */
@MicronautTest(transactional = false)
class ConfirmationPageBrowserTest implements RealServers {

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    EmbeddedServer server;

    EventsApi api;

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void theOptInLinkOpensAnAccessiblePageThatConfirmsNothingByItself() {
        Joined joined = join("browser-open", "Ada Lovelace", "ada@example.org");

        browser.get().open(joined.link()).check("confirm-membership");

        // The page speaks the group's language (French here) unless the reader chooses another.
        assertThat(browser.get().title()).isEqualTo("Confirmez votre inscription");
        browser.get().open(joined.link() + "&lang=en").check("confirm-membership-en");
        assertThat(browser.get().title()).isEqualTo("Confirm your membership");
        assertThat(browser.get().text()).contains("Confirm that you want to receive the announcements of " + joined.group().name());
        assertThat(group(joined.group()).activeMembers()).as("a browser opening the link confirms nothing").isZero();
    }

    @Test
    void itsConfirmButtonMakesTheMemberActiveWithoutJavaScript() {
        Joined joined = join("browser-confirm", "Grace Hopper", "grace@example.org");

        browser.get().javaScript(false).open(joined.link() + "&lang=en").clickButton("Confirm");

        browser.get().check("confirmed");
        assertThat(browser.get().title()).isEqualTo("You are subscribed");
        assertThat(browser.get().text()).contains("You will receive the announcements of " + joined.group().name());
        assertThat(group(joined.group()).activeMembers()).isEqualTo(1);
        assertThat(api.message(Topics.GROUPS, MemberConfirmed.class, joined.group().id()).memberId())
                .isEqualTo(joined.member().id());
    }

    private Joined join(String slug, String name, String email) {
        GroupView group = api.createGroup(EventsApi.unique(slug), "Europe/Paris");
        MemberView member = client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", name, "email", email)), MemberView.class);
        String confirmUrl = api.message(Topics.GROUPS, MemberJoined.class, group.id()).confirmUrl();
        return new Joined(group, member, server.getURL() + EventsApi.pathAndQuery(confirmUrl));
    }

    private GroupView group(GroupView group) {
        return client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class);
    }

    private record Joined(GroupView group, MemberView member, String link) {
    }
}
