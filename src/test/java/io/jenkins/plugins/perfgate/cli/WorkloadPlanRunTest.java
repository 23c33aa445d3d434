package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.engine.workload.Workload;
import io.jenkins.plugins.perfgate.engine.workload.WorkloadAnalysis;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate workload --plan} end to end: a generated log with a random mix of eight endpoints, the plan for the
 * top six run by real JMeter (the bundled load.jmx) against a real HTTP server on 127.0.0.1; the summary's label
 * shares match the log's mix of those six within 1 %, and the server saw each request with its method and path.
 */
class WorkloadPlanRunTest {

    /** method, path pattern (# = an ID), relative frequency. */
    private static final List<String[]> MIX = List.of(
            new String[] {"GET", "/items/#", "37"}, new String[] {"GET", "/search", "23"},
            new String[] {"POST", "/cart/#", "14"}, new String[] {"GET", "/", "9"},
            new String[] {"PUT", "/users/#/profile", "7"}, new String[] {"GET", "/static/app.js", "5"},
            new String[] {"DELETE", "/sessions/#", "3"}, new String[] {"GET", "/health", "2"});

    @TempDir
    Path dir;

    @Test
    void thePlanReproducesTheLogsMix() throws Exception {
        // bounded by request count: 4 threads x 400 iterations, the top endpoint once per iteration (~4 300
        // samples); the plan's think time and thread count would make it a 2-minute production-like run
        MixRun mix = runMix(20_000, 7, "plans/shop-mix.yaml", List.of("--top", "6", "--duration", "120"), "60s",
                "threads=4", "iterations=400");
        assertTrue(Files.exists(dir.resolve("plans/load.jmx")), "the bundled template is copied beside the plan");
        assertTrue(mix.yaml().contains("#   - 2 endpoint(s) with ") && mix.yaml().contains("DELETE /sessions/{id}"),
                mix.yaml());
        RunSummary summary = mix.summary();
        long samples = summary.overall().count();
        assertEquals(0, summary.overall().errors(), "every request answered 200");
        assertTrue(samples > 3_000, "enough samples for 1 % to mean something: " + samples);
        assertEquals(6, summary.labels().size(), summary.labels().toString());
        for (Workload.Endpoint e : mix.top()) {
            LabelStats label = summary.label(e.name()).orElseThrow(() -> new AssertionError("no label " + e.name()));
            assertEquals(mix.share(e), (double) label.count() / samples, 0.01, e.name() + " share");
            long served = mix.seen().getOrDefault(e.name(), new LongAdder()).sum();
            assertEquals(label.count(), served, "the server saw " + e.name() + " with its method: " + mix.seen());
        }
    }

    @Test
    void theSpikeTemplateReproducesAThreeLabelMixInBothItsThreadGroups() throws Exception {
        // bounded by time: 4 s, the spike group's 2 threads from 1 s to 3 s beside the base group's 2
        MixRun mix = runMix(5_000, 11, "spike-mix.yaml", List.of("--top", "3", "--template", "spike"), "40s",
                "threads=2", "duration=4", "spikeThreads=2", "spikeDelay=1", "spikeDuration=2", "spikeRampUp=0");
        assertTrue(mix.yaml().contains("template: \"spike.jmx\"")
                && mix.yaml().contains("split: [threads, spikeThreads]"), mix.yaml());
        RunSummary summary = mix.summary();
        long samples = summary.overall().count();
        assertTrue(samples > 500, "enough samples for a few % to mean something: " + samples);
        assertEquals(3, summary.labels().size(), summary.labels().toString());
        for (Workload.Endpoint e : mix.top()) {
            LabelStats label = summary.label(e.name()).orElseThrow(() -> new AssertionError("no label " + e.name()));
            assertEquals(mix.share(e), (double) label.count() / samples, 0.03, e.name() + " share");
        }
        // the spike's threads sent their share of the mix too (thread names are "<group> 1-N")
        assertTrue(Files.readString(dir.resolve("out/generators/gen-1/results.jtl")).contains(",spike 2-"),
                "the spike group ran");
    }

    /**
     * What a workload plan run gave: the plan as {@code perfgate workload} wrote it, the log's top endpoints, the
     * run's summary and the requests the server saw (method and path, IDs as {@code {id}}).
     */
    private record MixRun(String yaml, List<Workload.Endpoint> top, RunSummary summary, Map<String, LongAdder> seen) {

        /** The endpoint's share of the top endpoints' requests in the log. */
        double share(Workload.Endpoint e) {
            return (double) e.requests() / top.stream().mapToLong(Workload.Endpoint::requests).sum();
        }
    }

    /**
     * The shared set-up: a log of {@code requests} random requests of {@link #MIX}, {@code perfgate workload} makes
     * the plan ({@code --response-time 50} and {@code workloadArgs}; its generator made lean for the test), then
     * {@code perfgate run} runs it with real JMeter against a real HTTP server on 127.0.0.1 that counts what it sees,
     * with {@code properties} (no ramp-up, no think time); the run must end well and {@code COMPLETE}.
     */
    private MixRun runMix(int requests, long seed, String planName, List<String> workloadArgs, String timeLimit,
            String... properties) throws Exception {
        TestJMeter.installation();
        Path log = dir.resolve("access.log");
        writeLog(log, requests, seed);
        Path plan = dir.resolve(planName);
        List<String> workload = new ArrayList<>(List.of("workload", log.toString(), "--plan", plan.toString(),
                "--response-time", "50"));
        workload.addAll(workloadArgs);
        CliRun w = CliRun.of(workload.toArray(String[]::new));
        assertEquals(0, w.exit(), w.out() + w.err());
        String yaml = Files.readString(plan);
        // a lean generator JVM for the test (the plan's own generators section is the production one)
        Files.writeString(plan, yaml.replace("  count: 1 ", "  heap: 256m\n  options: {jvmArgs: "
                + "-XX:TieredStopAtLevel=1}\n  count: 1 "));
        WorkloadAnalysis analysis = new WorkloadAnalysis();
        analysis.read(log);
        int topN = Integer.parseInt(workloadArgs.get(workloadArgs.indexOf("--top") + 1));
        List<Workload.Endpoint> top = analysis.result().endpoints().subList(0, topN);

        Map<String, LongAdder> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().replaceAll("/\\d+(/|$)", "/{id}$1");
            seen.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new LongAdder()).increment();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            List<String> run = new ArrayList<>(List.of("run", plan.toString(), "--quiet", "--out",
                    dir.resolve("out").toString(), "--cache", TestJMeter.cacheRoot().toString(), "--time-limit",
                    timeLimit, "-P", "host=127.0.0.1", "-P", "port=" + server.getAddress().getPort(),
                    "-P", "rampUp=0", "-P", "thinkTime=0"));
            for (String p : properties) {
                run.addAll(List.of("-P", p));
            }
            CliRun r = CliRun.of(run.toArray(String[]::new));
            assertEquals(0, r.exit(), r.out() + r.err());
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
        RunSummary summary = SummaryJson.read(dir.resolve("out/summary.json"));
        assertEquals(RunStatus.COMPLETE, summary.status());
        return new MixRun(yaml, top, summary, seen);
    }

    /** A combined log of {@code n} requests drawn at random from {@link #MIX}, 100 clients, 10 requests/s each. */
    private static void writeLog(Path file, int n, long seed) throws Exception {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        int total = MIX.stream().mapToInt(m -> Integer.parseInt(m[2])).sum();
        Random r = new Random(seed);
        long start = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                int pick = r.nextInt(total);
                String[] m = MIX.get(0);
                for (String[] candidate : MIX) {
                    pick -= Integer.parseInt(candidate[2]);
                    if (pick < 0) {
                        m = candidate;
                        break;
                    }
                }
                String path = m[1].replace("#", Integer.toString(1 + r.nextInt(99_999)));
                long t = start + i * 10L;
                w.write("10.0.0." + (i % 100) + " - - [" + time.format(Instant.ofEpochMilli(t)) + "] \"" + m[0] + " "
                        + path + "?q=" + i + " HTTP/1.1\" 200 12 \"-\" \"agent\"\n");
            }
        }
    }
}
