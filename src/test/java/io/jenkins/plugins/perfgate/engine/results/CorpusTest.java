package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file of the peer corpus (jenkinsci/performance-plugin's test data) is read correctly or rejected cleanly. */
class CorpusTest {

    private static Path dir() throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/corpus/performance-plugin/JMeterResults.jtl").toURI())
                .getParent();
    }

    /** Files the reader must refuse, with a word the message must contain. */
    private static final Map<String, String> REJECTED = Map.of("emptyfile.jtl", "is empty");

    /** Files whose every row is unreadable (invalid dates such as month 20): read, but nothing counted. */
    private static final Map<String, Integer> ALL_ROWS_MALFORMED = Map.of(
            "JMeterCsvResults2.csv", 3,
            "JMeterCsvResults3.csv", 3);

    @Test
    void everyFileIsReadOrRejectedCleanly() throws Exception {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".md")) {
                    continue;
                }
                checked.add(name);
                ResultFileReader reader = new ResultFileReader(ReadOptions.defaults());
                if (REJECTED.containsKey(name)) {
                    ResultsReadException e = assertThrows(ResultsReadException.class,
                            () -> reader.read(f, s -> { }));
                    assertTrue(e.getMessage().contains(name) && e.getMessage().contains(REJECTED.get(name)),
                            e.getMessage());
                    continue;
                }
                RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
                FileReadResult r = reader.read(f, agg);
                if (name.equals("test_results_stats.csv")) {
                    locustStats(r);
                    continue;
                }
                if (ALL_ROWS_MALFORMED.containsKey(name)) {
                    assertEquals(0, r.samples(), name);
                    assertEquals((long) ALL_ROWS_MALFORMED.get(name), r.malformedLines(),
                            name);
                    assertTrue(r.problems().get(0).toString().contains(name + ":2 [timeStamp]"),
                            r.problems().toString());
                    continue;
                }
                assertEquals(0, r.malformedLines(), name + " " + r.problems());
                Map<String, Long> expected = independentCounts(f);
                Map<String, Long> actual = new TreeMap<>();
                agg.aggregate().labels().forEach(l -> actual.put(l.label(), l.count()));
                assertEquals(expected, actual, name);
                assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), r.samples(), name);
            }
        }
        assertEquals(20, checked.size(), "every corpus file is checked: " + checked);
    }

    /** An old Locust _stats.csv (blank lines between rows): Locust's own figures, taken as given. */
    private static void locustStats(FileReadResult r) {
        assertEquals(JtlFormat.LOCUST_STATS, r.format());
        assertEquals(0, r.samples());
        assertEquals(0, r.malformedLines(), r.problems().toString());
        List<GivenFigures> rows = r.aggregates().figures();
        assertEquals(List.of("POST big", "POST huge", "POST medium", "POST small", "Aggregated"),
                rows.stream().map(GivenFigures::label).toList());
        assertEquals(638, rows.get(0).count());
        assertEquals(10, rows.get(0).errors());
        assertEquals(580.0, rows.get(0).percentiles().get(95.0));
        GivenFigures all = rows.get(4);
        assertTrue(all.overall());
        assertEquals(71464, all.count());
        assertEquals(10000, all.errors(), "as the file says, though its rows add up to 10");
        assertEquals(119.314623051569123, all.throughput(), 1e-9);
        assertEquals(1993.6761999999989, all.max(), 1e-9);
    }

    /**
     * Per-label counts found without perfgate's readers: a regular expression over XML elements, or for CSV a
     * line split that only knows that these corpus files quote fields holding commas or line breaks.
     */
    private static Map<String, Long> independentCounts(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Map<String, Long> counts = new TreeMap<>();
        if (text.strip().startsWith("<")) {
            Matcher m = Pattern.compile("<(?:httpSample|sample)\\s[^>]*?lb=\"([^\"]*)\"").matcher(text);
            while (m.find()) {
                counts.merge(m.group(1), 1L, Long::sum);
            }
            return counts;
        }
        List<String> records = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                records.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (!sb.isEmpty()) {
            records.add(sb.toString());
        }
        int first = records.get(0).startsWith("timeStamp") ? 1 : 0;
        for (String rec : records.subList(first, records.size())) {
            List<String> fields = CsvLayout.split(rec, ',');
            counts.merge(fields.get(2), 1L, Long::sum);
        }
        return counts;
    }

    @Test
    void transactionParentsStayOutOfTheOverallFigures() throws Exception {
        Path f = dir().resolve("filewithtransactions.csv");
        RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
        new ResultFileReader(ReadOptions.defaults()).read(f, agg);
        long parents = Files.readAllLines(f).stream().filter(l -> l.contains("Number of samples in transaction"))
                .count();
        long rows = Files.readAllLines(f).size() - 1;
        RunAggregator.Aggregate a = agg.aggregate();
        assertEquals(rows - parents, a.overall().count());
        assertTrue(a.label("HP").transactionController());
        assertTrue(!a.label("HP-0").transactionController());
        long tcRows = a.labels().stream().filter(l -> l.transactionController()).mapToLong(l -> l.count()).sum();
        assertEquals(parents, tcRows);
    }

    @Test
    void aHeaderlessJMeter2FileGetsJMeter2Columns() throws Exception {
        RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
        new ResultFileReader(ReadOptions.defaults()).read(dir().resolve("JENKINS-16627_CSV_instead_of_XML.jtl"),
                agg);
        // JMeter 2.x default columns end with bytes, Latency
        assertEquals(1016, agg.aggregate().label("GET /ordermgmt/login - Login Page").latencyPercentile(50), 2);
        assertEquals(1425, agg.aggregate().label("GET /ordermgmt/login - Login Page").max());
    }

    @Test
    void aQuotedLabelWithLineBreaksStaysOneSample() throws Exception {
        RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
        FileReadResult r = new ResultFileReader(ReadOptions.defaults()).read(dir().resolve("multiLineCSV.jtl"), agg);
        assertEquals(2, r.samples());
        String label = agg.aggregate().labels().stream().map(l -> l.label()).filter(l -> l.startsWith("no such"))
                .findFirst().orElseGet(() -> fail("multi-line label missing"));
        assertTrue(label.contains("{\"method\":\"id\"") && label.contains("\n") && label.endsWith("reviewBAD}"),
                label);
    }
}
