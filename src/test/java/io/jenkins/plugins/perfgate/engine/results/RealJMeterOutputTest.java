package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JMeter 5.6.3 runs a small shop plan (a redirect with sub-results, a query string, a Transaction Controller,
 * a slow endpoint with some 500s) against an HTTP server on 127.0.0.1, writing CSV with JMeter's defaults, XML, and
 * header-less tab-separated CSV with formatted timestamps. perfgate's figures are checked against the requests the
 * server counted and against exact statistics computed here from a naive parse of each file.
 */
class RealJMeterOutputTest {

    private static final int THREADS = 3;
    private static final int LOOPS = 8;
    private static final int ITERATIONS = THREADS * LOOPS;

    @TempDir
    static Path dir;

    private static HttpServer server;
    private static ExecutorService serverThreads;
    /** run → path → requests the server answered. */
    private static final Map<String, Map<String, AtomicLong>> HITS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> PAY_ERRORS = new ConcurrentHashMap<>();
    private static final Map<String, Path> FILES = new TreeMap<>();

    @BeforeAll
    static void runJMeter() throws Exception {
        JMeterInstallation jmeter = TestJMeter.installation();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        serverThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String run = query == null ? "?" : query.replace("run=", "");
            long n = HITS.computeIfAbsent(run, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
            int code = 200;
            try {
                switch (path) {
                    case "/redirect" -> {
                        exchange.getResponseHeaders().add("Location", "/landing?run=" + run);
                        code = 302;
                    }
                    case "/search" -> Thread.sleep(3);
                    case "/pay" -> {
                        Thread.sleep(10 + n % 4 * 7);
                        if (n % 4 == 0) {
                            code = 500;
                            PAY_ERRORS.computeIfAbsent(run, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    default -> {
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("<html>" + path + "</html>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path plan = dir.resolve("shop-plan.jmx");
        try (var in = RealJMeterOutputTest.class.getResourceAsStream("shop-plan.jmx")) {
            Files.copy(in, plan);
        }
        Map<String, Map<String, String>> runs = Map.of(
                "csv", Map.of(),
                "xml", Map.of("jmeter.save.saveservice.output_format", "xml"),
                "tsv", Map.of("jmeter.save.saveservice.print_field_names", "false",
                        "jmeter.save.saveservice.default_delimiter", "\\t",
                        "jmeter.save.saveservice.timestamp_format", "yyyy/MM/dd HH:mm:ss.SSS"));
        List<Process> processes = new ArrayList<>();
        for (var run : new TreeMap<>(runs).entrySet()) {
            Path jtl = dir.resolve(run.getKey() + ".jtl");
            FILES.put(run.getKey(), jtl);
            var cmd = jmeter.command().plan(plan).results(jtl).log(dir.resolve(run.getKey() + ".log"))
                    .heap("256m").property("threads", Integer.toString(THREADS))
                    .property("loops", Integer.toString(LOOPS)).property("host", "127.0.0.1")
                    .property("port", Integer.toString(server.getAddress().getPort())).property("run", run.getKey())
                    .properties(run.getValue()).nonGui();
            processes.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(run.getKey() + ".out").toFile()).start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "JMeter did not finish in 120 s");
            assertEquals(0, p.exitValue());
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static RunSummary summarize(String run) throws ResultsReadException {
        ReadOptions read = ReadOptions.defaults();
        if (run.equals("tsv")) {
            read = read.withTimestampFormat("yyyy/MM/dd HH:mm:ss.SSS");
        }
        return new Summarizer(AggregationOptions.defaults(), read)
                .summarize(List.of(Summarizer.Source.of(FILES.get(run))));
    }

    private static long hits(String run, String path) {
        return HITS.getOrDefault(run, Map.of()).getOrDefault(path, new AtomicLong()).get();
    }

    @Test
    void countsMatchWhatTheServerAnsweredInEveryFormat() throws Exception {
        for (String run : List.of("csv", "xml", "tsv")) {
            RunSummary s = summarize(run);
            assertEquals(RunStatus.COMPLETE, s.status(), run + " " + s.problems());
            Map<String, Long> counts = new TreeMap<>();
            s.labels().forEach(l -> counts.put(l.label(), l.count()));
            Map<String, Long> expected = new TreeMap<>();
            expected.put("home", hits(run, "/redirect"));
            expected.put("home-0", hits(run, "/redirect"));
            expected.put("home-1", hits(run, "/landing"));
            expected.put("search", hits(run, "/search"));
            expected.put("cart", hits(run, "/cart"));
            expected.put("pay", hits(run, "/pay"));
            expected.put("checkout", (long) ITERATIONS);
            assertEquals(expected, counts, run);
            assertEquals((long) ITERATIONS, hits(run, "/pay"), run);
            long payErrors = PAY_ERRORS.get(run).get();
            assertEquals(payErrors, s.label("pay").orElseThrow().errors(), run);
            assertEquals(payErrors, s.label("checkout").orElseThrow().errors(), run + ": a transaction fails with "
                    + "its child");
            assertTrue(s.label("checkout").orElseThrow().transactionController());
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(all - ITERATIONS, s.overall().count(), run + ": transaction parents left out of overall");
            assertEquals(payErrors, s.overall().errors(), run);
        }
    }

    @Test
    void figuresMatchAnExactComputationFromANaiveParse() throws Exception {
        for (String run : List.of("csv", "xml", "tsv")) {
            Map<String, List<Long>> elapsed = naiveElapsedByLabel(run);
            RunSummary s = summarize(run);
            for (var e : elapsed.entrySet()) {
                LabelStats l = s.label(e.getKey()).orElseThrow();
                List<Long> values = new ArrayList<>(e.getValue());
                Collections.sort(values);
                assertEquals(values.size(), l.count(), run + " " + e.getKey());
                assertEquals(values.get(values.size() - 1), l.max(), run + " " + e.getKey());
                assertEquals(values.get(0), l.min(), run + " " + e.getKey());
                assertEquals(values.stream().mapToLong(Long::longValue).average().orElseThrow(), l.mean(), 1e-9);
                for (double p : new double[] {50, 90, 95, 99}) {
                    long exact = values.get((int) Math.ceil(p / 100 * values.size()) - 1);
                    assertEquals(exact, l.percentile(p), Math.max(1, exact / 1000.0),
                            run + " " + e.getKey() + " p" + p);
                }
            }
        }
    }

    @Test
    void csvAndXmlOfTheSameRunShapeGiveTheSameRowsAndTopLevelOnlyDropsSubResults() throws Exception {
        List<String> csvLabels = summarize("csv").labels().stream().map(LabelStats::label).toList();
        List<String> xmlLabels = summarize("xml").labels().stream().map(LabelStats::label).toList();
        assertEquals(csvLabels, xmlLabels);
        RunSummary top = new Summarizer(AggregationOptions.defaults(),
                ReadOptions.defaults().withSubResults(SubResultMode.TOP_LEVEL_ONLY))
                .summarize(List.of(Summarizer.Source.of(FILES.get("xml"))));
        assertEquals(List.of("cart", "checkout", "home", "pay", "search"),
                top.labels().stream().map(LabelStats::label).toList());
    }

    /** label → elapsed values, read with nothing but string splitting and a regular expression. */
    private static Map<String, List<Long>> naiveElapsedByLabel(String run) throws IOException {
        Map<String, List<Long>> out = new TreeMap<>();
        String text = Files.readString(FILES.get(run));
        if (run.equals("xml")) {
            Matcher m = Pattern.compile("<(?:httpSample|sample) t=\"(\\d+)\"[^>]*? lb=\"([^\"]*)\"").matcher(text);
            while (m.find()) {
                out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(Long.parseLong(m.group(1)));
            }
            return out;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        if (run.equals("csv")) {
            lines.remove(0);
        }
        String delimiter = run.equals("csv") ? "," : "\t";
        for (String line : lines) {
            // labels of this plan hold no delimiter or quote, and label and elapsed come before any quoted field
            String[] f = line.split(delimiter, 4);
            out.computeIfAbsent(f[2], k -> new ArrayList<>()).add(Long.parseLong(f[1]));
        }
        return out;
    }
}
