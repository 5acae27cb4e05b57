package dev.podium.testsupport.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through {@code chromedriver} by
 * Selenium) for the browser tests of server-rendered pages. A walk opens a page, {@link #check}s it
 * (screenshots at desktop and mobile width, and axe-core: no serious or critical violation), acts on
 * it as a person would ({@link #fill}, {@link #clickAndLoad}) and checks the next one.
 *
 * <p>Starting one costs about a second: keep one per test class ({@link BrowserPerClass}), each test
 * opening its own pages. Where the tools are is in {@link BrowserTools}; a missing one fails the test
 * with how to install it.
 */
public final class Browser implements AutoCloseable {

    /** The desktop viewport: 1280 CSS pixels wide. */
    public static final Viewport DESKTOP = new Viewport("desktop", 1280, 800, false);
    /** A phone's viewport: 390 CSS pixels wide, with mobile emulation (so {@code <meta name="viewport">} applies). */
    public static final Viewport MOBILE = new Viewport("mobile", 390, 844, true);

    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    /** Chromium refuses taller captures; a longer page is cut there. */
    private static final int MAX_SCREENSHOT_HEIGHT = 16_384;
    /**
     * Selenium opens a DevTools connection at start and warns that it has no bindings for this
     * Chromium's protocol version; the browser tests use none (only {@code executeCdpCommand}, through
     * the driver). Held here: java.util.logging keeps loggers weakly, and would forget the level.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path userDataDir;
    private final Path screenshots;
    private final Axe axe;
    private final Duration startup;
    private final String version;
    private boolean javaScript = true;

    /** A viewport to take a screenshot at. */
    public record Viewport(String name, int width, int height, boolean mobile) {
    }

    private Browser(ChromeDriver driver, Path userDataDir, Path screenshots, Axe axe, Duration startup) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.screenshots = screenshots;
        this.axe = axe;
        this.startup = startup;
        this.version = String.valueOf(driver.getCapabilities().getBrowserVersion());
    }

    /** Starts Chromium, with English as the preferred language, its screenshots going to {@code screenshots}. */
    public static Browser start(Path screenshots) {
        return start(screenshots, "en");
    }

    /**
     * Starts Chromium with a fresh profile, desktop-sized.
     *
     * @param screenshots    the folder screenshots are written to (created when the first is taken)
     * @param acceptLanguage the browser's preferred languages, as in {@code Accept-Language} ("fr,en")
     */
    public static Browser start(Path screenshots, String acceptLanguage) {
        Path chromium = BrowserTools.chromium();
        Path chromedriver = BrowserTools.chromedriver();
        Axe axe = new Axe(BrowserTools.axeScript());
        long started = System.nanoTime();
        Path userDataDir;
        try {
            userDataDir = Files.createTempDirectory("podium-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + DESKTOP.width() + "," + DESKTOP.height(),
                "--lang=" + acceptLanguage.split(",")[0], "--user-data-dir=" + userDataDir);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        // The driver's path is given, so Selenium Manager is never asked to find or download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            delete(userDataDir);
            throw new IllegalStateException("Chromium (" + chromium + ", driver " + chromedriver + ") did not start: "
                    + e.getMessage(), e);
        }
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Browser browser = new Browser(driver, userDataDir, screenshots, axe, Duration.ofNanos(System.nanoTime() - started));
        System.out.printf("[browser] Chromium %s started in %d ms (axe-core: %s, screenshots: %s)%n", browser.version,
                browser.startup.toMillis(), axe.script(), screenshots.toAbsolutePath());
        return browser;
    }

    /** The folder a test class's screenshots go to: {@code target/screenshots/<class>} in the module. */
    public static Path screenshotsFor(Class<?> testClass) {
        return Path.of("target", "screenshots", testClass.getSimpleName());
    }

    /** Opens a URL and waits until it has loaded. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public Browser open(URI url) {
        return open(url.toString());
    }

    /** Selenium's driver, for what this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The page's text as a person reads it ({@code innerText} of the body). */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The current DOM as markup. */
    public String source() {
        return driver.getPageSource();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Types into a field, replacing what it held: the field found by its label's text, its name or its id. */
    public Browser fill(String labelNameOrId, String value) {
        WebElement field = field(labelNameOrId);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks what leads to another page (a link, a form's button) and waits until that page has loaded. */
    public Browser clickAndLoad(By by) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        WebDriverWait wait = new WebDriverWait(driver, PAGE_LOAD);
        // Chromium may answer "node does not belong to the document" instead of "stale" for the old
        // page's element: both mean the next page replaced it.
        wait.until(d -> {
            try {
                html.isEnabled();
                return false;
            } catch (WebDriverException replaced) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** Clicks the button whose text is {@code text} and waits for the page it leads to. */
    public Browser clickButton(String text) {
        return clickAndLoad(By.xpath("//button[normalize-space(.)=" + xpathLiteral(text) + "]"
                + " | //input[(@type='submit' or @type='button') and @value=" + xpathLiteral(text) + "]"));
    }

    /** Clicks the link whose text is {@code text} and waits for the page it leads to. */
    public Browser clickLink(String text) {
        return clickAndLoad(By.xpath("//a[normalize-space(.)=" + xpathLiteral(text) + "]"));
    }

    /**
     * What a page author calls on every page of a walk: screenshots at desktop and mobile width
     * ({@code <name>-desktop.png}, {@code <name>-mobile.png}), then axe-core, failing on any serious or
     * critical violation.
     */
    public Browser check(String name) {
        screenshots(name);
        assertAccessible(name);
        return this;
    }

    /** Full-page screenshots at {@link #DESKTOP} and {@link #MOBILE} width. */
    public List<Path> screenshots(String name) {
        return List.of(screenshot(name, DESKTOP), screenshot(name, MOBILE));
    }

    /**
     * A full-page PNG of the current page as a screen of that viewport shows it
     * ({@code <name>-<viewport>.png} in the screenshot folder): the viewport is emulated through the
     * DevTools protocol (for {@link #MOBILE} as a phone does, so a page without
     * {@code <meta name="viewport">} is laid out 980 pixels wide and shown zoomed out), made as tall as
     * the page, captured, then the browser is back at its desktop size.
     */
    public Path screenshot(String name, Viewport viewport) {
        Path file = screenshots.resolve(safe(name) + "-" + viewport.name() + ".png");
        try {
            emulate(viewport, viewport.height());
            Number pageHeight = (Number) driver.executeScript("const scale = window.visualViewport ? window.visualViewport.scale : 1;"
                    + " return Math.ceil(Math.max(document.documentElement.scrollHeight,"
                    + " document.body ? document.body.scrollHeight : 0) * scale);");
            int height = Math.min(Math.max(viewport.height(), pageHeight.intValue()), MAX_SCREENSHOT_HEIGHT);
            if (height != viewport.height()) {
                emulate(viewport, height);
            }
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.createDirectories(screenshots);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        return file;
    }

    private void emulate(Viewport viewport, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(), "height", height,
                "deviceScaleFactor", 1, "mobile", viewport.mobile()));
    }

    /**
     * Turns the pages' own JavaScript off, or back on, for the pages opened next: Podium's pages work
     * without it, and a walk with it off shows they do. Selenium and axe-core still run.
     */
    public Browser javaScript(boolean enabled) {
        scriptExecution(enabled);
        javaScript = enabled;
        return this;
    }

    /** Runs axe-core in the current page (WCAG 2 A/AA and best practices, its default rules) and returns what it found. */
    public List<AxeViolation> axe() {
        if (javaScript) {
            return axe.run(driver);
        }
        // axe.run settles a promise, which the page cannot do with scripts off: on for the run only
        // (the page's own scripts ran, or not, when it loaded).
        scriptExecution(true);
        try {
            return axe.run(driver);
        } finally {
            scriptExecution(false);
        }
    }

    private void scriptExecution(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    /** axe-core on the current page: fails listing every serious or critical violation; reports the others. */
    public Browser assertAccessible() {
        return assertAccessible(title());
    }

    /** The same, naming the page {@code name} in what it reports. */
    public Browser assertAccessible(String name) {
        long started = System.nanoTime();
        List<AxeViolation> violations = axe();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        List<AxeViolation> blocking = violations.stream().filter(AxeViolation::blocking).toList();
        List<AxeViolation> others = violations.stream().filter(v -> !v.blocking()).toList();
        System.out.printf("[browser] axe %s (%s): %d serious/critical, %d moderate/minor%s, in %d ms%n", name,
                url().replaceFirst("[?#].*", ""),
                blocking.size(), others.size(),
                others.isEmpty() ? "" : others.stream().map(v -> v.id() + " " + v.impact()).collect(Collectors.joining(", ", " (", ")")),
                millis);
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe-core: " + blocking.size() + " serious or critical accessibility violation(s) on "
                    + name + " (" + url() + "):\n"
                    + blocking.stream().map(AxeViolation::describe).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** How long Chromium took to start, driver and profile included. */
    public Duration startup() {
        return startup;
    }

    public String version() {
        return version;
    }

    /** Quits Chromium and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(userDataDir);
        }
    }

    private WebElement field(String labelNameOrId) {
        List<WebElement> byLabel = driver.findElements(By.xpath("//label[normalize-space(.)=" + xpathLiteral(labelNameOrId) + "]"));
        for (WebElement label : byLabel) {
            String target = label.getAttribute("for");
            if (target != null && !target.isEmpty()) {
                return driver.findElement(By.id(target));
            }
            List<WebElement> nested = label.findElements(By.cssSelector("input, select, textarea"));
            if (!nested.isEmpty()) {
                return nested.get(0);
            }
        }
        List<WebElement> byName = driver.findElements(By.name(labelNameOrId));
        if (!byName.isEmpty()) {
            return byName.get(0);
        }
        return driver.findElement(By.id(labelNameOrId));
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("'", -1)) {
            parts.add("'" + part + "'");
        }
        return "concat(" + String.join(", \"'\", ", parts) + ")";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile file Chromium still held at exit: the temporary folder is cleaned by the system.
        }
    }
}
