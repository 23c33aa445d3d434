package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Gatling 3.13.5 (resolved from Maven Central, run in a forked JVM) runs a small simulation (a plain request, one
 * inside a group, one that always fails its status check) against an HTTP server on 127.0.0.1. perfgate reads the
 * binary {@code simulation.log} it wrote; its figures are compared with the requests the server answered and with
 * the statistics of Gatling's own report of the same run ({@code js/stats.js}): counts and errors exactly,
 * percentiles within Gatling's precision (Gatling estimates them with a t-digest and prints whole milliseconds).
 */
class GatlingSimulationLogTest {

    private static final String GATLING = "io.gatling.highcharts:gatling-charts-highcharts:3.13.5";
    private static final int USERS = 5;
    private static final int LOOPS = 20;

    @TempDir
    static Path dir;

    private static final Map<String, AtomicLong> HITS = new ConcurrentHashMap<>();
    private static Path log;
    private static Map<String, GatlingStats> gatling;

    /** One row of Gatling's report: requests, failures, min, max, mean and percentiles 50, 75, 95, 99. */
    private record GatlingStats(long total, long ko, long min, long max, long mean, long[] percentiles) {
    }

    @BeforeAll
    static void runGatling() throws Exception {
        String classpath = GatlingClasspath.resolve(GATLING);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = dir.resolve("PerfgateSimulation.java");
        try (InputStream in = GatlingSimulationLogTest.class.getResourceAsStream("/gatling/PerfgateSimulation.java")) {
            Files.write(source, in.readAllBytes());
        }
        ByteArrayOutputStream javac = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, javac, javac, "-d", classes.toString(), "-cp",
                classpath, source.toString());
        assertEquals(0, compiled, javac.toString(StandardCharsets.UTF_8));

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            HITS.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
            if (path.equals("/pay")) {
                try {
                    Thread.sleep(3 + ThreadLocalRandom.current().nextInt(25)); // a spread of response times
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(path.equals("/broken") ? 500 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        Path results = dir.resolve("results");
        try {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-Xmx256m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "-Dtarget=http://127.0.0.1:" + server.getAddress().getPort(), "-Dusers=" + USERS,
                    "-Dloops=" + LOOPS, "-cp", classes + java.io.File.pathSeparator + classpath,
                    "io.gatling.app.Gatling", "-s", "PerfgateSimulation", "-rf", results.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("gatling.out").toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Gatling did not finish in 90 s");
            }
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("gatling.out")));
        } finally {
            server.stop(0);
        }
        try (Stream<Path> files = Files.walk(results)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals("simulation.log")).toList();
            assertEquals(1, found.size(), "one simulation.log in " + results);
            log = found.get(0);
        }
        gatling = parseStats(Files.readString(log.resolveSibling("js").resolve("stats.js")));
    }

    /** The statistics of each request (by its path in the report) and of "All Requests" in Gatling's stats.js. */
    private static Map<String, GatlingStats> parseStats(String js) {
        Map<String, GatlingStats> out = new HashMap<>();
        Pattern block = Pattern.compile("path: \"([^\"]*)\",\\s*pathFormatted: \"[^\"]*\",\\s*stats: \\{\\s*\"name\": "
                + "\"([^\"]*)\",(.*?)\"group1\"", Pattern.DOTALL);
        Matcher m = block.matcher(js);
        while (m.find()) {
            String body = m.group(3);
            long[] pct = new long[4];
            for (int i = 0; i < 4; i++) {
                pct[i] = total(body, "percentiles" + (i + 1));
            }
            String key = m.group(1).isEmpty() ? m.group(2) : m.group(1);
            out.put(key, new GatlingStats(total(body, "numberOfRequests"), field(body, "numberOfRequests", "ko"),
                    total(body, "minResponseTime"), total(body, "maxResponseTime"),
                    total(body, "meanResponseTime"), pct));
        }
        return out;
    }

    private static long total(String body, String name) {
        return field(body, name, "total");
    }

    private static long field(String body, String name, String which) {
        Matcher m = Pattern.compile("\"" + name + "\": \\{[^}]*\"" + which + "\": \"(-|\\d+)\"").matcher(body);
        assertTrue(m.find(), name + " in " + body);
        return m.group(1).equals("-") ? 0 : Long.parseLong(m.group(1));
    }

    @AfterAll
    static void clear() {
        HITS.clear();
    }

    @Test
    void countsAndErrorsMatchTheServerAndGatlingsReportExactly() throws Exception {
        RunSummary s = summarize();
        assertEquals(RunStatus.COMPLETE, s.status(), s.statusReason());
        assertEquals("gatling", s.sources().get(0).format());
        long requests = USERS * LOOPS;
        Map<String, String> paths = Map.of("home", "/home", "checkout / pay", "/pay", "broken", "/broken");
        for (Map.Entry<String, String> e : paths.entrySet()) {
            LabelStats mine = s.label(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey() + " in "
                    + s.labels().stream().map(LabelStats::label).toList()));
            GatlingStats theirs = gatling.get(e.getKey());
            assertEquals(requests, HITS.get(e.getValue()).get(), e.getValue());
            assertEquals(requests, mine.count(), e.getKey());
            assertEquals(theirs.total(), mine.count(), e.getKey());
            assertEquals(theirs.ko(), mine.errors(), e.getKey());
        }
        assertEquals(requests, s.label("broken").orElseThrow().errors());
        assertEquals(0, s.label("home").orElseThrow().errors());
        GatlingStats all = gatling.get("All Requests");
        assertEquals(all.total(), s.overall().count());
        assertEquals(all.ko(), s.overall().errors());
        assertTrue(s.label("broken").orElseThrow().failureMessages().toString().contains("found 500"),
                s.label("broken").orElseThrow().failureMessages().toString());
    }

    @Test
    void percentilesAgreeWithGatlingsWithinItsPrecision() throws Exception {
        RunSummary s = summarize();
        double[] ps = {50, 75, 95, 99};
        for (String label : List.of("home", "checkout / pay", "broken", "All Requests")) {
            LabelStats mine = label.equals("All Requests") ? s.overall() : s.label(label).orElseThrow();
            GatlingStats theirs = gatling.get(label);
            assertEquals(theirs.min(), mine.min(), label + " min");
            assertEquals(theirs.max(), mine.max(), label + " max");
            assertTrue(Math.abs(theirs.mean() - mine.mean()) <= 1, label + " mean " + mine.mean() + " vs "
                    + theirs.mean());
            for (int i = 0; i < ps.length; i++) {
                // Gatling's t-digest interpolates between neighbouring ranks: its value lies between perfgate's
                // at two percentile points either side (1 ms for its rounding to whole milliseconds)
                long low = mine.percentile(Math.max(0, ps[i] - 2));
                long high = mine.percentile(Math.min(100, ps[i] + 2));
                long g = theirs.percentiles()[i];
                assertTrue(low - 1 <= g && g <= high + 1, label + " p" + ps[i] + ": Gatling " + g + ", perfgate "
                        + mine.percentile(ps[i]) + " (p" + (ps[i] - 2) + " " + low + ", p" + (ps[i] + 2) + " " + high
                        + ")");
            }
        }
    }

    @Test
    void activeUsersComeFromTheUserRecords() throws Exception {
        RunSummary s = summarize();
        long maxThreads = s.overall().series().intervals().stream().mapToLong(i -> i.maxThreads()).max()
                .orElse(0);
        assertTrue(maxThreads >= 1 && maxThreads <= USERS, "active users " + maxThreads);
    }

    private static RunSummary summarize() throws IOException {
        return new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(List.of(Summarizer.Source.of(log)));
    }
}
