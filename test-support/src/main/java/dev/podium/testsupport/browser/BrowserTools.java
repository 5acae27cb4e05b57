package dev.podium.testsupport.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the browser tests find Chromium, ChromeDriver and axe-core. Each is a system property, else
 * an environment variable, else the place {@code deploy/browser/install.sh} puts it; a missing one
 * fails the test with what to run, never skips it.
 */
final class BrowserTools {

    static final String INSTALL_HINT = "install them with `bash deploy/browser/install.sh` from the repository root "
            + "(as root on Debian 12: apt-get install chromium chromium-driver, and axe-core from npm into .podium-browser/; "
            + ".ci/run does it)";

    private BrowserTools() {
    }

    /** {@code -Dpodium.browser.chromium}, {@code PODIUM_CHROMIUM}, else Debian's {@code /usr/bin/chromium}. */
    static Path chromium() {
        return executable("podium.browser.chromium", "PODIUM_CHROMIUM", "/usr/bin/chromium", "Chromium");
    }

    /** {@code -Dpodium.browser.chromedriver}, {@code PODIUM_CHROMEDRIVER}, else Debian's {@code /usr/bin/chromedriver}. */
    static Path chromedriver() {
        return executable("podium.browser.chromedriver", "PODIUM_CHROMEDRIVER", "/usr/bin/chromedriver", "ChromeDriver");
    }

    /**
     * axe-core's {@code axe.min.js}: {@code -Dpodium.axe.script}, {@code PODIUM_AXE_SCRIPT}, else
     * {@code .podium-browser/node_modules/axe-core/axe.min.js} in the working directory or the nearest
     * folder above it that has one (a module's tests run in the module's folder, the install script
     * writes at the repository root).
     */
    static Path axeScript() {
        String configured = setting("podium.axe.script", "PODIUM_AXE_SCRIPT");
        if (configured != null) {
            Path path = Path.of(configured);
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("axe-core not found at " + path + " (podium.axe.script / PODIUM_AXE_SCRIPT); "
                        + INSTALL_HINT);
            }
            return path;
        }
        Path relative = Path.of(".podium-browser", "node_modules", "axe-core", "axe.min.js");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("axe-core not found: no " + relative + " in " + Path.of("").toAbsolutePath()
                + " or any folder above it, and neither podium.axe.script nor PODIUM_AXE_SCRIPT is set; " + INSTALL_HINT);
    }

    private static Path executable(String property, String variable, String fallback, String what) {
        String configured = setting(property, variable);
        Path path = Path.of(configured != null ? configured : fallback);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(what + " not found: " + path + " is not an executable file"
                    + (configured != null ? " (" + property + " / " + variable + ")" : "") + "; the browser tests need "
                    + "Chromium, ChromeDriver and axe-core: " + INSTALL_HINT);
        }
        return path;
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
