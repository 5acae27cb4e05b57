package dev.podium.testsupport.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One {@link Browser} for a test class, started when a test first asks for it and quit after the
 * class's last test; its screenshots go to {@code target/screenshots/<test class>/}. When a test that
 * used the browser fails, the page it was on is kept there too: {@code FAILED-<test>-desktop.png} and
 * {@code FAILED-<test>.html}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserPerClass browser = new BrowserPerClass();
 * ...
 * browser.get().open(url).check("event-page").fill("Name", "Ada").clickButton("RSVP").check("rsvp-done");
 * }</pre>
 */
public final class BrowserPerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {

    private final String acceptLanguage;
    private Class<?> testClass;
    private Browser browser;
    private boolean usedByThisTest;

    public BrowserPerClass() {
        this("en");
    }

    /** With the browser's preferred languages ("fr,en"), as {@code Accept-Language} sends them. */
    public BrowserPerClass(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    /** The class's browser, started on first use. */
    public synchronized Browser get() {
        if (testClass == null) {
            throw new IllegalStateException("BrowserPerClass works as a JUnit extension: declare it as "
                    + "@RegisterExtension static final BrowserPerClass browser = new BrowserPerClass();");
        }
        if (browser == null) {
            browser = Browser.start(Browser.screenshotsFor(testClass), acceptLanguage);
        }
        usedByThisTest = true;
        return browser;
    }

    /** Empties the class's screenshot folder of an earlier run's files, so that it shows this run only. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        testClass = context.getRequiredTestClass();
        Path folder = Browser.screenshotsFor(testClass);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".html")).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Each test starts with the pages' JavaScript on, whatever the one before did. */
    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        usedByThisTest = false;
        if (browser != null) {
            browser.javaScript(true);
        }
    }

    @Override
    public synchronized void testFailed(ExtensionContext context, Throwable cause) {
        if (browser == null || !usedByThisTest) {
            return;
        }
        String name = "FAILED-" + context.getRequiredTestMethod().getName();
        try {
            Path shot = browser.screenshot(name, Browser.DESKTOP);
            Path html = shot.resolveSibling(name + ".html");
            Files.writeString(html, browser.source());
            System.out.printf("[browser] %s failed on %s: kept %s and %s%n", context.getDisplayName(), browser.url(), shot, html);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (browser != null) {
            try {
                browser.close();
            } finally {
                browser = null;
            }
        }
    }
}
