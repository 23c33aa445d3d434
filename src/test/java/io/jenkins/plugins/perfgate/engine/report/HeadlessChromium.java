package io.jenkins.plugins.perfgate.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Debian Chromium and chromedriver, started headless with no network beyond 127.0.0.1: every host name fails
 * to resolve, so a report that tried to load anything remote would show errors. Missing binaries fail the test
 * (CI installs them with bin/lib/install-test-deps.sh); they never skip it.
 */
public final class HeadlessChromium {

    static final String CHROMIUM = System.getenv().getOrDefault("PERFGATE_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("PERFGATE_CHROMEDRIVER", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static ChromeDriver start(Path profile) throws IOException {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM
                + " is missing: install the Debian packages chromium and chromium-driver (bin/lib/install-test-deps.sh)");
        assertTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), CHROMEDRIVER + " is missing: install chromium-driver");
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--window-size=1400,2200", "--user-data-dir=" + profile.toAbsolutePath());
        // the performance log carries DevTools Network events for every request, file:// ones included
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
        Path log = Path.of("target", "chromedriver.log");
        Files.createDirectories(log.getParent());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogOutput(new java.io.FileOutputStream(log.toFile()))
                .build();
        return new ChromeDriver(service, options);
    }

    /** URLs of every request the page made since the last call (DevTools Network.requestWillBeSent events). */
    static List<String> requestedUrls(ChromeDriver driver) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> urls = new java.util.ArrayList<>();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE).getAll()) {
            var message = json.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    /** Console messages at SEVERE level (errors) since the last call. */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }
}
