package io.jenkins.plugins.perfgate.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.chart.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The report as a person sees it, in real headless Chromium: opened from disk, and served the way Jenkins serves
 * archived files, under its default Content-Security-Policy. Screenshots land in target/report-screenshots/.
 */
class ReportBrowserTest {

    /** Jenkins' default Content-Security-Policy for archived files (DirectoryBrowserSupport). */
    static final String JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

    static Path dir;
    static ChromeDriver driver;
    static Path profile;
    static final Path SHOTS = Path.of("target", "report-screenshots");

    @BeforeAll
    static void start() throws Exception {
        dir = Path.of("target", "report-browser", "regressed").toAbsolutePath();
        HtmlReport.write(ReportFixtures.regressedBuild(), dir);
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("perfgate-chromium");
        driver = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void opensFromDiskWithoutErrorsOrRequestsElsewhere() throws Exception {
        String url = dir.resolve(HtmlReport.INDEX).toUri().toString();
        HeadlessChromium.consoleErrors(driver); // drain what earlier pages logged
        HeadlessChromium.requestedUrls(driver);
        driver.get(url);
        waitForImages();
        assertEquals(List.of(), HeadlessChromium.consoleErrors(driver), "console errors");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

        List<String> resources = HeadlessChromium.requestedUrls(driver);
        String folder = dir.toUri().toString();
        assertTrue(resources.size() >= 1 + 1 + 1 + 7, "page, css, js and charts requested: " + resources);
        for (String r : resources) {
            assertTrue(r.startsWith(folder), "resource outside the report folder: " + r);
        }

        WebElement verdict = driver.findElement(By.id("verdict"));
        assertTrue(verdict.isDisplayed());
        assertEquals("FAIL", verdict.findElement(By.className("verdict-word")).getText());
        WebElement table = driver.findElement(By.id("label-table"));
        assertTrue(table.isDisplayed());
        assertEquals(5, table.findElements(By.cssSelector("tbody tr")).size(), "overall + 4 labels");

        // the hostile label is text: shown literally, no element made from it, no alert
        List<WebElement> labelCells = table.findElements(By.cssSelector("tbody th.label"));
        assertTrue(labelCells.stream().anyMatch(c -> c.getText().startsWith(SyntheticRuns.HOSTILE_LABEL)),
                "hostile label shown as text");
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('img[src=\"x\"]').length;"));

        // the stylesheet applied: the failed verdict has its colour band
        assertEquals("rgb(255, 235, 233)", background(verdict));
        // the optional script ran: headers became sort buttons, and sorting by samples puts the busiest first
        WebElement samplesHeader = table.findElements(By.cssSelector("thead th")).get(1);
        samplesHeader.findElement(By.tagName("button")).click();
        assertEquals("descending", samplesHeader.getAttribute("aria-sort"));
        assertEquals("GET /home", table.findElements(By.cssSelector("tbody th.label")).get(1).getText());
        assertChartsRendered();
        assertTrue(driver.findElements(By.className("label-filter")).isEmpty(), "no filter box for 4 labels");
        screenshot("report-file.png");
    }

    @Test
    void filterBoxNarrowsALongLabelTable() throws Exception {
        // 60 labels L000..L059, label i with i + 1 samples
        RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
        for (int i = 0; i < 60; i++) {
            for (int n = 0; n <= i; n++) {
                agg.accept(1_760_000_000_000L + n, 10 + n, String.format("L%03d", i), "200", "OK", true, "", 100,
                        10, 1, 5, 0);
            }
        }
        RunSummary s = RunSummary.of(agg.aggregate(), agg.options(), List.of(), List.of(), Map.of());
        Path many = Path.of("target", "report-browser", "many").toAbsolutePath();
        driver.get(HtmlReport.write(ReportInput.of(s), many).toUri().toString());
        WebElement filter = driver.findElement(By.className("label-filter"));
        assertEquals("Filter 60 labels", filter.getAttribute("placeholder"));
        filter.sendKeys("l04 7");
        List<String> shown = driver.findElements(By.cssSelector("#label-table tbody th.label")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertEquals(List.of("All samples", "L047"), shown, "the overall row and the label holding both words");
    }

    @Test
    void showsVerdictTableAndChartsUnderJenkinsCsp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/report/", exchange -> serve(exchange, dir));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/report/";
            HeadlessChromium.requestedUrls(driver);
            driver.get(base + "index.html");
            waitForImages();
            List<String> requests = HeadlessChromium.requestedUrls(driver);
            assertTrue(requests.size() >= 1 + 1 + 7, "page, css and charts requested: " + requests);
            for (String r : requests) {
                assertTrue(r.startsWith(base), "request outside the report folder: " + r);
            }
            WebElement verdict = driver.findElement(By.id("verdict"));
            assertTrue(verdict.isDisplayed());
            assertEquals("FAIL", verdict.findElement(By.className("verdict-word")).getText());
            assertEquals("rgb(255, 235, 233)", background(verdict),
                    "sibling stylesheet allowed by style-src 'self'");
            WebElement table = driver.findElement(By.id("label-table"));
            assertTrue(table.isDisplayed());
            assertEquals(5, table.findElements(By.cssSelector("tbody tr")).size());
            assertEquals(0, table.findElements(By.cssSelector("button.sort")).size(),
                    "script blocked by the policy, table still complete");
            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
            assertChartsRendered();
            screenshot("report-jenkins-csp.png");
        } finally {
            server.stop(0);
        }
    }

    /**
     * Inline SVG under the same policy: perfgate's SVG (presentation attributes) keeps its colours, while JFreeSVG's
     * raw output (style attributes, blocked by style-src) falls back to black fills. This is why charts are
     * converted, and why they may also be inlined into pages served under Jenkins' CSP.
     */
    @Test
    void inlineSvgKeepsItsColoursUnderJenkinsCsp() throws Exception {
        Path inline = Path.of("target", "report-browser", "inline").toAbsolutePath();
        Files.createDirectories(inline);
        var chart = io.jenkins.plugins.perfgate.engine.chart.OverTimeCharts.throughput(SyntheticRuns.run(3, 1, false));
        String converted = io.jenkins.plugins.perfgate.engine.chart.ChartRenderer.svg(chart, 400, 200);
        org.jfree.svg.SVGGraphics2D raw = new org.jfree.svg.SVGGraphics2D(400, 200);
        chart.draw(raw, new java.awt.geom.Rectangle2D.Double(0, 0, 400, 200));
        Files.writeString(inline.resolve("converted.html"), "<!DOCTYPE html><html><body>"
                + converted.substring(converted.indexOf("<svg")) + "</body></html>");
        Files.writeString(inline.resolve("raw.html"), "<!DOCTYPE html><html><body>" + raw.getSVGElement()
                + "</body></html>");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/report/", exchange -> serve(exchange, inline));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/report/";
            String firstRectFill = "return getComputedStyle(document.querySelector('svg rect')).fill;";
            driver.get(base + "converted.html");
            assertEquals("rgb(255, 255, 255)", driver.executeScript(firstRectFill), "background stays white");
            driver.get(base + "raw.html");
            assertEquals("rgb(0, 0, 0)", driver.executeScript(firstRectFill),
                    "control: style attributes are blocked by the policy");
        } finally {
            server.stop(0);
        }
    }

    private String background(WebElement e) {
        return (String) driver.executeScript("return getComputedStyle(arguments[0]).backgroundColor;", e);
    }

    /** Every chart decoded; the top-level ones visible; a label's trends shown once its details are opened. */
    private void assertChartsRendered() {
        List<WebElement> charts = driver.findElements(By.cssSelector("figure.chart img"));
        assertEquals(4 + 3 + 3 * 4, charts.size(), "over-time, overall trend and 4 labels' trends");
        for (WebElement img : charts) {
            Object natural = driver.executeScript("return arguments[0].naturalWidth;", img);
            assertEquals((long) ReportCharts.WIDTH, natural, "chart decoded: " + img.getAttribute("src"));
        }
        for (WebElement img : driver.findElements(By.cssSelector("section > div.charts img"))) {
            assertTrue(img.isDisplayed(), img.getAttribute("src"));
        }
        WebElement details = driver.findElement(By.cssSelector("details.label-trend"));
        WebElement hidden = details.findElement(By.tagName("img"));
        assertFalse(hidden.isDisplayed(), "closed by default");
        details.findElement(By.tagName("summary")).click();
        assertTrue(hidden.isDisplayed(), "opens without script");
    }

    private void waitForImages() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Object done = driver.executeScript("return document.readyState === 'complete' && "
                    + "Array.prototype.every.call(document.images, function (i) { return i.complete; });");
            if (Boolean.TRUE.equals(done)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** The whole page: the window is made as tall as the document for the shot, then restored. */
    private void screenshot(String name) throws IOException {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                (int) Math.min(height + 100, 16_000)));
        try {
            Files.write(SHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Serves the report folder like Jenkins serves archived artifacts: with its CSP on every file. */
    private static void serve(HttpExchange exchange, Path root) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/report/".length());
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(
                    name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            exchange.getResponseHeaders().set("Content-Security-Policy", JENKINS_CSP);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css", "js", "text/javascript", "svg", "image/svg+xml");
}
