package dev.podium.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser helpers on pages served from this JVM: a walk, screenshots, axe and what it reports. */
class BrowserTest {

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    private static final String GOOD_HEAD = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
            """;
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        PAGES.put("/rsvp", GOOD_HEAD.formatted("RSVP") + """
                <body><main><h1>Meetup #13</h1>
                <form method="post" action="/rsvp">
                <label for="name">Your name</label> <input id="name" name="name" autocomplete="name">
                <button type="submit">Count me in</button></form>
                <p style="height:2000px">A long agenda.</p></main></body></html>
                """);
        PAGES.put("/scripted", GOOD_HEAD.formatted("Before scripts") + """
                <body><main><h1>Scripted</h1></main><script>document.title = 'After scripts';</script></body></html>
                """);
        PAGES.put("/broken", """
                <!doctype html><html><head><meta charset="utf-8"><title>Broken</title></head>
                <body><main><h1>Broken</h1><img src="/nothing.png"><input name="email"></main></body></html>
                """);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            if ("POST".equals(exchange.getRequestMethod())) {
                String form;
                try (InputStream in = exchange.getRequestBody()) {
                    form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String name = URLDecoder.decode(form.substring(form.indexOf('=') + 1), StandardCharsets.UTF_8)
                        .replace("&", "&amp;").replace("<", "&lt;");
                body = GOOD_HEAD.formatted("See you there") + "<body><main><h1>See you there, " + name + "</h1></main></body></html>";
            } else {
                body = PAGES.get(path);
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aWalkFillsAFormSubmitsItAndChecksEachPage() throws IOException {
        browser.get().open(url("/rsvp")).check("rsvp")
                .fill("Your name", "Ada <Lovelace>").clickButton("Count me in").check("rsvp-done");

        assertThat(browser.get().title()).isEqualTo("See you there");
        assertThat(browser.get().text()).contains("See you there, Ada <Lovelace>");

        Path folder = Browser.screenshotsFor(BrowserTest.class);
        BufferedImage desktop = ImageIO.read(folder.resolve("rsvp-desktop.png").toFile());
        BufferedImage mobile = ImageIO.read(folder.resolve("rsvp-mobile.png").toFile());
        assertThat(desktop.getWidth()).isEqualTo(1280);
        assertThat(mobile.getWidth()).isEqualTo(390);
        assertThat(desktop.getHeight()).as("the whole page, not the window").isGreaterThan(2000);
        assertThat(mobile.getHeight()).isGreaterThan(2000);
        assertThat(folder.resolve("rsvp-done-desktop.png")).isNotEmptyFile();
        assertThat(folder.resolve("rsvp-done-mobile.png")).isNotEmptyFile();
        assertThat(browser.get().driver().manage().window().getSize().getWidth())
                .as("back at desktop size after the screenshots").isEqualTo(1280);
    }

    @Test
    void withJavaScriptOffThePageScriptsDoNotRunButAxeDoes() {
        browser.get().javaScript(false).open(url("/scripted")).check("scripted-without-javascript");
        assertThat(browser.get().title()).isEqualTo("Before scripts");

        browser.get().javaScript(true).open(url("/scripted"));
        assertThat(browser.get().title()).isEqualTo("After scripts");
    }

    @Test
    void axeFailsAPageOnSeriousViolationsNamingRuleHelpAndElement() {
        browser.get().open(url("/broken"));

        List<AxeViolation> violations = browser.get().axe();

        assertThat(violations).filteredOn(AxeViolation::blocking).extracting(AxeViolation::id)
                .contains("html-has-lang", "image-alt", "label");
        assertThatThrownBy(() -> browser.get().assertAccessible("broken"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("html-has-lang (serious)")
                .hasMessageContaining("image-alt (critical): Images must have alternative text")
                .hasMessageContaining("at img: <img src=\"/nothing.png\">")
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
    }

    @Test
    void aMissingAxeScriptIsReportedWithHowToInstallIt() {
        String previous = System.getProperty("podium.axe.script");
        System.setProperty("podium.axe.script", Path.of("target", "no-such-axe.min.js").toString());
        try {
            assertThatThrownBy(BrowserTools::axeScript).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("axe-core not found at target/no-such-axe.min.js")
                    .hasMessageContaining("deploy/browser/install.sh");
        } finally {
            if (previous == null) {
                System.clearProperty("podium.axe.script");
            } else {
                System.setProperty("podium.axe.script", previous);
            }
        }
        assertThat(Files.isReadable(BrowserTools.axeScript())).as("found again from the module's folder upwards").isTrue();
    }

    @Test
    void aMissingChromiumIsReportedWithHowToInstallIt() {
        System.setProperty("podium.browser.chromium", "/nonexistent/chromium");
        try {
            assertThatThrownBy(() -> Browser.start(Path.of("target", "unused"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Chromium not found: /nonexistent/chromium is not an executable file")
                    .hasMessageContaining("apt-get install chromium chromium-driver");
        } finally {
            System.clearProperty("podium.browser.chromium");
        }
    }
}
