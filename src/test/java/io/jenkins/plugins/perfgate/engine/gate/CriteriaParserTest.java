package io.jenkins.plugins.perfgate.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaParserTest {

    @Test
    void readsTheExamplesOfTheIssue() {
        List<Criterion> all = CriteriaParser.parseAll("p95 < 800ms; error% < 1\nrps > 50\n"
                + "p99[label=~\"checkout.*\"] < 2s\np95 vs baseline < +10%\nmean vs baseline < +15% => unstable");
        assertEquals(6, all.size());

        Criterion p95 = all.get(0);
        assertEquals(Metric.P95, p95.metric());
        assertInstanceOf(Scope.Overall.class, p95.scope());
        assertEquals(Criterion.Kind.ABSOLUTE, p95.kind());
        assertEquals(Criterion.Operator.LT, p95.operator());
        assertEquals(800, p95.threshold());
        assertEquals(Severity.FAIL, p95.severity());
        assertEquals("p95 < 800ms", p95.text());

        assertEquals(Metric.ERROR_PERCENT, all.get(1).metric());
        assertEquals(1, all.get(1).threshold());
        assertEquals(Metric.THROUGHPUT, all.get(2).metric());
        assertEquals(Criterion.Operator.GT, all.get(2).operator());

        Criterion p99 = all.get(3);
        assertEquals(2000, p99.threshold());
        Scope.Regex regex = assertInstanceOf(Scope.Regex.class, p99.scope());
        assertTrue(regex.matches("checkout-pay"));
        assertFalse(regex.matches("login"));

        Criterion rel = all.get(4);
        assertEquals(Criterion.Kind.RELATIVE, rel.kind());
        assertEquals(0.10, rel.threshold(), 1e-12);
        Criterion mean = all.get(5);
        assertEquals(Severity.UNSTABLE, mean.severity());
        assertEquals(0.15, mean.threshold(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p95<1.5s|P95|1500",
        "P99.9 <= 2 min|P999|120000",
        "median < 300|P50|300",
        "avg < 250 ms|MEAN|250",
        "error_rate < 0.5%|ERROR_PERCENT|0.5",
        "errors <= 3|ERRORS|3",
        "count >= 1000|COUNT|1000",
        "throughput > 50/s|THROUGHPUT|50",
        "apdex >= 0.9|APDEX|0.9",
        "latency.p95 < 200ms|LATENCY_P95|200",
        "connect_p99 < 50|CONNECT_P99|50",
        "bytes/s > 2MB/s|RECEIVED_BYTES_PER_SEC|2000000",
        "stddev < 100|STDDEV|100",
        "max < 10s => warn|MAX|10000",
    })
    void readsEveryMetricAndUnit(String text, Metric metric, double threshold) {
        Criterion c = CriteriaParser.parse(text);
        assertEquals(metric, c.metric());
        assertEquals(threshold, c.threshold(), 1e-9);
    }

    @Test
    void scopesExactGlobRegexAndOverall() {
        Scope exact = CriteriaParser.parse("p95[label=\"Login page\"] < 1s").scope();
        assertTrue(exact.matches("Login page"));
        assertFalse(exact.matches("Login page 2"));
        Scope bare = CriteriaParser.parse("p95[label=login] < 1s").scope();
        assertEquals(new Scope.Exact("login"), bare);
        Scope glob = CriteriaParser.parse("p95[ label ~ 'api/*/get?' ] < 1s").scope();
        assertTrue(glob.matches("api/users/get1"));
        assertFalse(glob.matches("api/users/get12"));
        assertFalse(glob.matches("xapi/users/get1"));
        Scope dotIsLiteralInGlob = CriteriaParser.parse("p95[label~\"a.b\"] < 1s").scope();
        assertFalse(dotIsLiteralInGlob.matches("axb"));
        Scope regexEscapes = CriteriaParser.parse("p95[label=~\"GET \\d+\"] < 1s").scope();
        assertTrue(regexEscapes.matches("GET 42"));
        assertInstanceOf(Scope.Overall.class, CriteriaParser.parse("p95[overall] < 1s").scope());
    }

    @Test
    void baselineCriteriaRelativeOrInUnits() {
        Criterion rel = CriteriaParser.parse("rps vs baseline > -5%");
        assertEquals(Criterion.Kind.RELATIVE, rel.kind());
        assertEquals(-0.05, rel.threshold(), 1e-12);
        assertFalse(rel.operator().upperBound());
        Criterion delta = CriteriaParser.parse("p95 vs baseline < +50ms");
        assertEquals(Criterion.Kind.DELTA, delta.kind());
        assertEquals(50, delta.threshold());
        Criterion points = CriteriaParser.parse("error% vs baseline < 0.5pp");
        assertEquals(Criterion.Kind.DELTA, points.kind());
        assertEquals(0.5, points.threshold());
    }

    @Test
    void commentsBlankLinesAndSeparatorsInsideQuotes() {
        List<Criterion> all = CriteriaParser.parseAll("# SLA\n\np95[label=~\"a;b|c#d\"] < 1s # checkout\n  ;\n"
                + "error% < 1");
        assertEquals(2, all.size());
        assertTrue(all.get(0).scope().matches("a;b"));
        assertTrue(all.get(0).scope().matches("c#d"));
        assertTrue(CriteriaParser.parseAll("  \n# nothing\n").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text | column (0-based) | reason fragment
        "p95 << 800ms|5|expected a number",
        "p96 < 800ms|0|unknown metric 'p96'",
        "p95 800ms|4|expected a comparison",
        "p95 < 800kg|9|unit 'kg' does not fit p95",
        "p95 < 8x00ms|7|unit 'x' does not fit p95",
        "p95[label=~\"(\"] < 1s|12|invalid regular expression",
        "p95[lable=\"x\"] < 1s|4|expected 'overall' or label",
        "p95[label=\"x\" < 1s|14|expected ']'",
        "p95[label=\"x] < 1s|10|unterminated string",
        "p95 vs basline < 10%|7|expected 'baseline'",
        "p95 < 800ms => fatal|15|expected a severity",
        "p95 < 800ms and more|12|unexpected text",
        "error% < 150|9|percentage",
        "p95 < -5|6|never negative",
        "apdex > 1.5|8|between 0 and 1",
        "rps < 5%|7|unit '%' does not fit rps",
        "p95 vs baseline < -150%|18|below -100 %",
        "< 5|0|expected a metric name",
    })
    void errorsNameTheCriterionAndTheColumn(String text, int column, String reason) {
        CriteriaException e = assertThrows(CriteriaException.class,
                () -> CriteriaParser.parseAll("p50 < 1s\n" + text));
        assertEquals(2, e.criterionNumber(), e.getMessage());
        assertEquals(text, e.criterion());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        String[] lines = e.getMessage().split("\n");
        assertTrue(lines[0].startsWith("criterion 2 \"" + text + "\""), lines[0]);
        assertEquals("  " + text, lines[1]);
        assertEquals("  " + " ".repeat(column) + "^", lines[2]);
    }

    @Test
    void garbageIsACriteriaErrorNeverACrash() {
        String[] tokens = {"p95", "error%", "rps", "[", "]", "label", "=", "~", "=~", "\"", "'", "x*", "vs",
            "baseline", "<", "<=", ">", ">=", "=>", "+", "-", "10", "1.5", "%", "ms", "s", "fail", "warn", " ", ";",
            "\n", "#", ".", "(", "\\", "overall", "pp", "KB/s", "\u0000", "é"};
        java.util.Random r = new java.util.Random(42);
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) {
                sb.append(tokens[r.nextInt(tokens.length)]);
            }
            try {
                parsed += CriteriaParser.parseAll(sb.toString()).size();
            } catch (CriteriaException e) {
                assertTrue(e.column() >= 0 && e.column() <= e.criterion().length(), sb + " -> " + e.getMessage());
            }
        }
        assertTrue(parsed > 0, "some random inputs are valid criteria");
    }

    @Test
    void thresholdTextIsReadable() {
        assertEquals("< 800 ms", CriteriaParser.parse("p95 < 0.8s").thresholdText());
        assertEquals("< +10.0 %", CriteriaParser.parse("p95 vs baseline < +10%").thresholdText());
        assertEquals(">= 0.900", CriteriaParser.parse("apdex >= 0.9").thresholdText());
    }
}
