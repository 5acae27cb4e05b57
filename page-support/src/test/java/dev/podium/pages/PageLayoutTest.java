package dev.podium.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@MicronautTest
class PageLayoutTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aPageHasTheLayoutItsOwnHeadAndContentAndNoScript() {
        HttpResponse<String> response = get("/sample", null);

        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).isEqualTo("Deep Learning Meetup #13 — Université");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("head link[rel=stylesheet]").attr("href")).isEqualTo("/assets/podium.css");
        assertThat(page.select("head meta[property=og:title]").attr("content")).isEqualTo("Deep Learning Meetup #13 — Université");
        assertThat(page.select("main#main h1").text()).isEqualTo("Deep Learning Meetup #13 — Université");
        assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("script")).isEmpty();
    }

    @Test
    void theLanguageIsTheChosenOneElseThePagesOwnElseTheBrowsers() {
        assertThat(language("/sample", null)).isEqualTo("en");
        assertThat(language("/sample", "fr-CH, en;q=0.5")).isEqualTo("fr");
        assertThat(language("/sample?groupLanguage=fr", "en")).isEqualTo("fr");
        assertThat(language("/sample?groupLanguage=fr&lang=en", "fr")).isEqualTo("en");
        assertThat(language("/sample?lang=xx", "not a language header ;;;")).isEqualTo("en");

        Document french = Jsoup.parse(get("/sample?lang=fr", null).body());
        assertThat(french.select("p.greeting").text()).isEqualTo("Bonjour");
        assertThat(french.select("label[for=name]").text()).isEqualTo("Votre nom");
        assertThat(french.select("a.skip-link").text()).isEqualTo("Aller au contenu");
        assertThat(french.select("nav.languages a[aria-current=true]").text()).isEqualTo("Français");
    }

    @Test
    void switchingTheLanguageKeepsThePagesQuery() {
        Document page = Jsoup.parse(get("/sample?groupLanguage=fr&q=Universit%C3%A9+Paris&page=2&lang=fr", null).body());

        assertThat(page.select("nav.languages a[hreflang=en]").attr("href"))
                .isEqualTo("?groupLanguage=fr&q=Universit%C3%A9+Paris&page=2&lang=en");
        assertThat(page.select("nav.languages a[hreflang=fr]").attr("href"))
                .isEqualTo("?groupLanguage=fr&q=Universit%C3%A9+Paris&page=2&lang=fr");
    }

    @Test
    void markdownFromUsersCarriesNoMarkupOrScriptLinks() {
        Document page = Jsoup.parse(get("/sample", null).body());

        assertThat(page.select(".abstract strong").text()).isEqualTo("Bold");
        assertThat(page.select(".abstract").html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(page.select(".abstract a").attr("href")).isEmpty();
    }

    @Test
    void pagesAreServedWithAPolicyThatAllowsNoScriptAndNoFraming() {
        HttpResponse<String> response = get("/sample", null);

        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'none'", "frame-ancestors 'none'", "form-action 'self'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void theStylesheetIsServedToAnyone() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/assets/podium.css"), String.class);

        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("text/css"));
        assertThat(response.body()).contains(":root");
        assertThat(response.header("Cache-Control")).contains("max-age");
    }

    @Test
    void aFormPostedFromThisSiteIsTakenAndOneFromAnotherSiteIsRefused() {
        HttpResponse<String> fromHere = post("same-origin", null);
        assertThat(fromHere.body()).isEqualTo("acted for Ada");

        HttpResponse<String> fromAMailProvider = post(null, null);
        assertThat(fromAMailProvider.body()).isEqualTo("acted for Ada");

        assertRefused("cross-site", null);
        assertRefused(null, "https://evil.example");
        assertRefused(null, "null");
    }

    @Test
    void aBrowserGetsAnErrorAsAPageAndAProgramAsProblemJson() {
        HttpClientResponseException page = failure(HttpRequest.GET("/sample/limited").accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "fr"));
        assertThat(page.getStatus().getCode()).isEqualTo(429);
        assertThat(page.getResponse().getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("text/html"));
        Document document = Jsoup.parse(page.getResponse().getBody(String.class).orElseThrow());
        assertThat(document.select("h1").text()).isEqualTo("Too many requests");
        assertThat(document.select("main").text()).contains("retry in 42 s");
        assertThat(document.select("html").attr("lang")).isEqualTo("fr");

        HttpClientResponseException json = failure(HttpRequest.GET("/sample/limited").accept(MediaType.APPLICATION_JSON_TYPE));
        assertThat(json.getStatus().getCode()).isEqualTo(429);
        assertThat(json.getResponse().getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("application/problem+json"));
        assertThat(json.getResponse().getBody(String.class).orElseThrow()).contains("\"title\":\"Too many requests\"");

        // No route: security answers first here (401, no route may be reached without @Secured); a page all the same.
        HttpClientResponseException missing = failure(HttpRequest.GET("/no-such-page").accept(MediaType.TEXT_HTML_TYPE));
        assertThat(missing.getStatus().getCode()).isBetween(400, 499);
        assertThat(Jsoup.parse(missing.getResponse().getBody(String.class).orElseThrow()).select("main h1").text()).isNotBlank();
    }

    @Test
    void aTemplateThatFailsAnswersAServerErrorPageInsteadOfLeavingTheBrowserWaiting() {
        HttpClientResponseException broken = failure(HttpRequest.GET("/sample/broken").accept(MediaType.TEXT_HTML_TYPE));

        assertThat(broken.getStatus().getCode()).isEqualTo(500);
        Document page = Jsoup.parse(broken.getResponse().getBody(String.class).orElseThrow());
        assertThat(page.select("main h1").text()).isNotBlank();
        assertThat(page.text()).doesNotContain("noSuchProperty", "layoutHead", "Thymeleaf");
    }

    @Test
    void aFormWhoseEncodingIsBrokenIsABadRequestNotAServerError() {
        HttpClientResponseException broken = failure(HttpRequest.POST("/sample", "name=Ada%zz%")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        assertThat(broken.getStatus().getCode()).isEqualTo(400);
        assertThat(broken.getResponse().getBody(String.class).orElseThrow()).contains("malformed-form");
    }

    private HttpClientResponseException failure(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
            throw new AssertionError(request.getPath() + " did not fail");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    private void assertRefused(String fetchSite, String origin) {
        try {
            post(fetchSite, origin);
            throw new AssertionError("a cross-site form was accepted (Sec-Fetch-Site " + fetchSite + ", Origin " + origin + ")");
        } catch (HttpClientResponseException refused) {
            assertThat(refused.getStatus().getCode()).isEqualTo(403);
            assertThat(refused.getResponse().getBody(String.class)).hasValueSatisfying(body -> assertThat(body).contains("another website"));
        }
    }

    private HttpResponse<String> post(String fetchSite, String origin) {
        var request = HttpRequest.POST("/sample", "name=Ada").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.toBlocking().exchange(request, String.class);
    }

    private String language(String path, String acceptLanguage) {
        return Jsoup.parse(get(path, acceptLanguage).body()).select("html").attr("lang");
    }

    private HttpResponse<String> get(String path, String acceptLanguage) {
        var request = HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.toBlocking().exchange(request, String.class);
    }
}
