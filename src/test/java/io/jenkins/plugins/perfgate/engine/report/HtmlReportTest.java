package io.jenkins.plugins.perfgate.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.chart.SecureXml;
import io.jenkins.plugins.perfgate.engine.chart.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.gate.GateResult;
import io.jenkins.plugins.perfgate.engine.gate.Playbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The written report as files: escaping, no inline script/style, no remote or data: URLs, every reference present. */
class HtmlReportTest {

    static Path dir;
    static String html;
    static ReportInput input;

    @BeforeAll
    static void write() throws Exception {
        dir = Path.of("target", "report-test", "regressed");
        input = ReportFixtures.regressedBuild();
        Path index = HtmlReport.write(input, dir);
        html = Files.readString(index);
    }

    @Test
    void gateFailsTheRegressedBuild() {
        assertEquals(GateResult.FAIL, input.verdict().orElseThrow().result(), input.verdict().get().format());
        assertTrue(html.contains("class=\"headline verdict-fail\""));
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        assertFalse(html.contains(SyntheticRuns.HOSTILE_LABEL), "raw hostile label in page");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("<script>alert"), "raw property value in page");
        assertTrue(html.contains("&lt;b&gt;total&lt;/b&gt;"), "failure message escaped");
    }

    @Test
    void noInlineScriptStyleOrDataUrls() {
        Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        int count = 0;
        while (tags.find()) {
            // attribute names only: quoted values (escaped data) are blanked first
            String tag = tags.group().toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"", "\"\"");
            count++;
            assertFalse(tag.matches("(?s).*\\sstyle\\s*=.*"), "style attribute in " + tag);
            assertFalse(tag.matches("(?s).*\\son[a-z]+\\s*=.*"), "event handler attribute in " + tag);
            assertFalse(tag.startsWith("<style"), "style element");
        }
        assertTrue(count > 200, "tags found: " + count);
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (scripts.find()) {
            n++;
            assertTrue(scripts.group(1).contains("src=\"perfgate-report.js\""), scripts.group());
            assertEquals("", scripts.group(2).strip(), "inline script body");
        }
        assertEquals(1, n);
        assertFalse(html.contains("data:"), "data: URL");
    }

    @Test
    void everyReferenceIsALocalSiblingThatExists() throws Exception {
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int local = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            if (ref.startsWith(Playbook.BASE_URL)) {
                continue; // a playbook: a link to read (failedCriteriaLinkTheirPlaybook), never loaded by the page
            }
            assertFalse(ref.contains("://") || ref.startsWith("//"), "remote reference " + ref);
            if (ref.startsWith("#") || ref.startsWith("..") || ref.equals("summary.json")) {
                continue; // in-page anchors and raw-file links (which may be absent)
            }
            assertTrue(Files.isRegularFile(dir.resolve(ref)), "missing " + ref);
            local++;
        }
        assertTrue(local >= 3 + 4 + 3, "css, js, icon, over-time and trend charts: " + local);
        for (Path svg : Files.newDirectoryStream(dir, "*.svg")) {
            Element root = SecureXml.parse(Files.readString(svg)).getDocumentElement();
            assertEquals("svg", root.getLocalName(), svg.toString());
        }
    }

    @Test
    void failedCriteriaLinkTheirPlaybook() {
        String link = "<a class=\"playbook\" href=\"" + Playbook.LATENCY.url() + "\">Playbook: p95 regressed</a>";
        assertTrue(html.contains(link), "the failed p95 criterion links the p95 playbook");
        // in the failed line of the criteria table and in the headline's list of problems
        Matcher failedRows = Pattern.compile("<tr class=\"outcome-fail\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        int linked = 0;
        while (failedRows.find()) {
            if (failedRows.group(1).contains("<td class=\"code\">p95")) {
                assertTrue(failedRows.group(1).contains(link), failedRows.group(1));
                linked++;
            }
        }
        assertTrue(linked > 0, "failed p95 rows found");
        assertTrue(html.substring(html.indexOf("verdict-problems")).contains(link), "problems list");
        // every remote reference is such a link: nothing remote is loaded
        Matcher remote = Pattern.compile("<([a-z]+)[^>]*(?:src|href)=\"[a-z]+://[^\"]*\"").matcher(html);
        while (remote.find()) {
            assertTrue(remote.group().startsWith("<a class=\"playbook\" href=\"" + Playbook.BASE_URL),
                    remote.group());
        }
        // a passing line has none
        Matcher passed = Pattern.compile("<tr class=\"outcome-pass\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        while (passed.find()) {
            assertFalse(passed.group(1).contains("playbook"), passed.group(1));
        }
    }

    @Test
    void rawLinksArePercentEncodedRelativePaths() {
        assertTrue(html.contains("href=\"../results/run%201.jtl\""), "space encoded");
        assertThrows(IllegalArgumentException.class, () -> new RawLink("x", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new RawLink("x", "https://example.com/a"));
        assertThrows(IllegalArgumentException.class, () -> new RawLink("x", "/etc/passwd"));
        assertEquals("a%23b%3Fc.jtl", new RawLink("x", "a#b?c.jtl").href());
    }

    @Test
    void deltasAreColouredBySignificanceNotSign() {
        // the candidate is 45 % slower than twelve steady builds: p95 is a significant regression
        assertTrue(html.contains("delta delta-worse"), "significant regression marked");
        // samples per label vary only by chance between builds: some change stays within noise
        assertTrue(html.contains("delta delta-noise"), "noise marked as such");
    }

    @Test
    void aSteadyBuildShowsItsSmallChangesAsNoise() {
        Html h = new Html();
        LabelTable.render(ReportFixtures.build(1.0), h);
        String overall = overallRow(h.toString());
        assertFalse(overall.contains("delta-worse"), overall);
        assertFalse(overall.contains("delta-better"), overall);
        assertTrue(overall.contains("delta delta-noise"), overall);
        Html regressed = new Html();
        LabelTable.render(input, regressed);
        String p95 = cell(overallRow(regressed.toString()), io.jenkins.plugins.perfgate.engine.compare.Metric.P95);
        assertTrue(p95.contains("delta delta-worse"), p95);
        String steadyP95 = cell(overall, io.jenkins.plugins.perfgate.engine.compare.Metric.P95);
        assertTrue(steadyP95.contains("delta delta-noise"), steadyP95);
    }

    private static String cell(String row, io.jenkins.plugins.perfgate.engine.compare.Metric metric) {
        return row.split("<td")[LabelTable.COLUMNS.indexOf(metric) + 1];
    }

    private static String overallRow(String table) {
        int start = table.indexOf("<tr class=\"overall\">");
        return table.substring(start, table.indexOf("</tr>", start));
    }

    @Test
    void trendChartsDrawThresholdsInRangeAsLinesAndNoteTheOthers() throws Exception {
        // the fixture's p95 < 400ms lies within reach of its response times: a labelled line on the chart
        String svg = Files.readString(dir.resolve("trend-latency.svg"));
        assertTrue(svg.contains("p95 &lt; 400ms"), "threshold label on the trend chart");
        assertFalse(svg.contains("above the chart"), "no off-scale note for a threshold in range");
        // a 10 s limit over the same data is a note and leaves the axis to the data
        var markers = io.jenkins.plugins.perfgate.engine.chart.TrendMarkers.none().withCriteria(
                io.jenkins.plugins.perfgate.engine.gate.CriteriaParser.parseAll("p95 < 10s"));
        Path far = Path.of("target", "report-test", "far-threshold");
        String page = Files.readString(HtmlReport.write(input.withHistory(input.history(), markers), far));
        assertTrue(page.contains("trend-latency.svg"));
        String farSvg = Files.readString(far.resolve("trend-latency.svg"));
        assertTrue(farSvg.contains("\u2191 p95 &lt; 10s: 10000, above the chart"), "note of the far threshold");
    }

    @Test
    void trendsGetTheComparisonsBaselineWhenNoneWasGiven() {
        ReportInput plain = input.withHistory(input.history(),
                io.jenkins.plugins.perfgate.engine.chart.TrendMarkers.none());
        var markers = plain.trendMarkers();
        assertEquals(input.comparison().get().baselineDescription(), markers.baselineName());
        assertEquals(input.comparison().get().overall().baseline().get().get(
                io.jenkins.plugins.perfgate.engine.compare.Metric.P95),
                markers.baselineValue("TOTAL", io.jenkins.plugins.perfgate.engine.compare.Metric.P95).get());
        assertTrue(ReportInput.of(input.summary()).trendMarkers().baseline().isEmpty());
    }

    @Test
    void reportWithoutVerdictOrHistorySaysSo() throws Exception {
        Path plain = Path.of("target", "report-test", "plain");
        String page = Files.readString(HtmlReport.write(ReportInput.of(SyntheticRuns.run(1, 1, false)), plain));
        assertTrue(page.contains("NO GATE"));
        assertTrue(page.contains("No build history yet"));
        assertTrue(page.contains("No baseline: changes are not shown."));
        assertFalse(Files.exists(plain.resolve("trend-latency.svg")));
        assertTrue(Files.exists(plain.resolve("p95-over-time.svg")));
    }

    @Test
    void perLabelTrendsAreNumberedAndLeftoversRemoved() throws Exception {
        for (String kind : List.of("latency", "throughput", "errors")) {
            for (int i = 1; i <= 4; i++) {
                assertTrue(Files.exists(dir.resolve("trend-" + kind + "-label-" + i + ".svg")), kind + i);
            }
        }
        Path again = Path.of("target", "report-test", "rewritten");
        HtmlReport.write(input, again);
        Files.writeString(again.resolve("trend-latency-label-9.svg"), "<svg/>");
        String page = Files.readString(HtmlReport.write(ReportInput.of(input.summary()), again));
        assertFalse(Files.exists(again.resolve("trend-latency-label-9.svg")), "stale per-label chart removed");
        assertFalse(Files.exists(again.resolve("trend-latency-label-1.svg")), "no history, no per-label trend");
        assertFalse(page.contains("trend-latency"));
    }

    /**
     * Thousands of labels, every change judged against the noise window: the report is written (indexes, not
     * scans; a functional check, not timed).
     */
    @Test
    void manyLabelsAreHandled() throws Exception {
        List<io.jenkins.plugins.perfgate.engine.history.HistoryEntry> entries = new java.util.ArrayList<>();
        io.jenkins.plugins.perfgate.engine.summary.RunSummary current = null;
        for (int b = 1; b <= 7; b++) {
            var options = io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.defaults();
            var aggregator = new io.jenkins.plugins.perfgate.engine.stats.RunAggregator(options);
            java.util.SplittableRandom random = new java.util.SplittableRandom(b);
            for (int i = 0; i < 500 * 4; i++) {
                aggregator.accept(new io.jenkins.plugins.perfgate.engine.results.Sample(SyntheticRuns.START + i,
                        10 + random.nextInt(20), "label-" + i % 500, "200", "OK", "t", i % 7 != 0, "boom", 1, 1,
                        1, 5, 1));
            }
            current = io.jenkins.plugins.perfgate.engine.summary.RunSummary.of(aggregator.aggregate(), options,
                    List.of(), List.of(), java.util.Map.of());
            entries.add(new io.jenkins.plugins.perfgate.engine.history.HistoryEntry(
                    io.jenkins.plugins.perfgate.engine.history.BuildRef.of(b, b, 
                            io.jenkins.plugins.perfgate.engine.history.BuildResult.SUCCESS),
                    io.jenkins.plugins.perfgate.engine.compare.RunFigures.of(current)));
        }
        // a plain comparison with the previous build (the gate's own cost on many labels is not under test here)
        var comparison = io.jenkins.plugins.perfgate.engine.compare.Comparison.of(entries.get(6).figures(),
                entries.get(5).figures(), "build #6");
        Path many = Path.of("target", "report-test", "many");
        String page = Files.readString(HtmlReport.write(ReportInput.of(current)
                .withBuild(entries.get(6).build()).withComparison(comparison)
                .withHistory(entries, io.jenkins.plugins.perfgate.engine.chart.TrendMarkers.none()), many));
        assertTrue(page.contains("label-499"));
        long failing = current.labels().stream().filter(l -> l.errors() > 0).count();
        assertTrue(failing > ErrorsSection.MAX_LABELS, "fixture has many failing labels: " + failing);
        assertTrue(page.contains("The 50 labels with most failures are shown; " + (failing - 50)
                + " more labels had failures"), "capped");
        assertEquals(ErrorsSection.MAX_LABELS, page.split("class=\"error-label\"").length - 1);
        assertTrue(page.contains("delta delta-noise"), "changes judged against the noise window");
    }

    @Test
    void emptyRunStillWritesAReport() throws Exception {
        var options = io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.defaults();
        var empty = io.jenkins.plugins.perfgate.engine.summary.RunSummary.of(
                new io.jenkins.plugins.perfgate.engine.stats.RunAggregator(options).aggregate(), options,
                List.of(), List.of(), java.util.Map.of());
        String page = Files.readString(HtmlReport.write(ReportInput.of(empty), Path.of("target", "report-test",
                "empty")));
        assertTrue(page.contains("NO RESULTS"));
        assertTrue(page.contains("No samples to chart."));
    }
}
