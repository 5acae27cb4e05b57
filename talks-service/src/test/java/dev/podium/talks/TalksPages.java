package dev.podium.talks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.devissuer.Identity;
import dev.podium.testsupport.Tokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * talks-service's pages as a browser gets them (it asks for {@code text/html}), parsed with jsoup so
 * that tests assert what a reader sees; without a token, or as someone ({@link #as(Identity)}).
 */
public final class TalksPages {

    private final BlockingHttpClient http;
    private final Identity identity;

    public TalksPages(HttpClient http) {
        this(http.toBlocking(), null);
    }

    private TalksPages(BlockingHttpClient http, Identity identity) {
        this.http = http;
        this.identity = identity;
    }

    public TalksPages as(Identity who) {
        return new TalksPages(http, who);
    }

    /** A page as it was answered: status, headers, the raw HTML and the parsed document. */
    public record Page(int status, String contentType, HttpHeaders headers, String html, Document document) {

        public String header(String name) {
            return headers.get(name);
        }

        /** The element that {@code cssQuery} selects, which must exist. */
        public Element one(String cssQuery) {
            Element element = document.selectFirst(cssQuery);
            assertThat(element).as("%s in %s", cssQuery, document.location()).isNotNull();
            return element;
        }

        public String text(String cssQuery) {
            return one(cssQuery).text();
        }

        public Page isOk(int expectedStatus) {
            assertThat(status).as("status of %s", document.title()).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("text/html");
            return this;
        }

        /** Every form control a reader fills in has a label naming it. */
        public Page everyInputIsLabelled() {
            for (Element control : document.select("input:not([type=hidden]), select, textarea")) {
                assertThat(control.id()).as("id of %s", control).isNotBlank();
                assertThat(document.select("label[for=" + control.id() + "]").text()).as("label of %s", control).isNotBlank();
            }
            return this;
        }

        /** Headings go down one level at a time, from one h1. */
        public Page headingsAreInOrder() {
            List<Integer> levels = new ArrayList<>();
            for (Element heading : document.select("h1, h2, h3, h4, h5, h6")) {
                levels.add(Integer.parseInt(heading.tagName().substring(1)));
            }
            assertThat(levels).as("heading levels").isNotEmpty().startsWith(1);
            assertThat(levels.stream().filter(level -> level == 1).count()).as("h1 count").isEqualTo(1);
            for (int i = 1; i < levels.size(); i++) {
                assertThat(levels.get(i)).as("heading levels %s", levels).isLessThanOrEqualTo(levels.get(i - 1) + 1);
            }
            return this;
        }

        /** Every link says where it leads, by its own text. */
        public Page everyLinkIsNamed() {
            for (Element link : document.select("a[href]")) {
                assertThat(link.text()).as("text of %s", link).isNotBlank();
            }
            return this;
        }
    }

    public Page get(String uri) {
        return get(uri, null);
    }

    /** @param acceptLanguage the browser's languages, null for none */
    public Page get(String uri, String acceptLanguage) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri)
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        Tokens.as(identity, request);
        try {
            return page(http.exchange(request, String.class), uri);
        } catch (HttpClientResponseException e) {
            return page(e.getResponse(), uri);
        }
    }

    private static Page page(HttpResponse<?> response, String uri) {
        String html = response.getBody(String.class).orElse("");
        return new Page(response.code(), response.getContentType().map(MediaType::toString).orElse(""), response.getHeaders(), html,
                Jsoup.parse(html, "http://talks.example" + uri));
    }
}
