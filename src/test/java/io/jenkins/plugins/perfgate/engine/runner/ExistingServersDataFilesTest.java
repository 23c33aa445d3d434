package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterCommand;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files reaching jmeter-servers perfgate did not start (JMeter has no file transfer): two long-lived servers on
 * 127.0.0.6 and 127.0.0.7 serve every test in turn, each with its own temporary folder so the tests can see what is
 * left there; the template reads the file through a CSV Data Set at test-plan level and requests /item/&lt;id&gt;
 * from a target that records which server asked for what.
 */
class ExistingServersDataFilesTest {

    private static final List<JMeterProcess> SERVERS = new ArrayList<>();
    private static final List<String> ADDRESSES = new ArrayList<>();
    private static final List<Path> TEMP_DIRS = new ArrayList<>();
    private static RecordingTarget target;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        target = RecordingTarget.start();
        for (int i = 0; i < 2; i++) {
            Path tmp = shared.resolve("server-" + i + "-tmp");
            Files.createDirectories(tmp);
            TEMP_DIRS.add(tmp);
            ADDRESSES.add(startServer("127.0.0." + (6 + i), shared.resolve("server-" + i), tmp));
        }
        for (String a : ADDRESSES) {
            RunFixture.awaitPort(a);
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.forEach(JMeterProcess::killTree);
        if (target != null) {
            target.close();
        }
    }

    @Test
    void everyExistingServerReadsTheWholeFileAndNothingIsLeftOnIt() throws Exception {
        List<String> ids = ids(10);
        Path csv = csv(ids);
        RunOutcome outcome = run(csv, false, ADDRESSES, "out");
        assertEquals(RunStatus.COMPLETE, outcome.status(), outcome.reason());

        Map<String, List<String>> received = target.itemsByServer();
        assertEquals(Set.copyOf(ADDRESSES), received.keySet(), received.toString());
        for (String server : ADDRESSES) {
            assertEquals(ids, sorted(received.get(server)), server + " read every row once");
        }
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(20, summary.overall().count());
        for (String server : ADDRESSES) {
            assertEquals(10, summary.generators().get(server).count(), server);
        }
        assertNoSetupSamples(outcome, summary);
        assertNothingLeftOnServers();
        String plan = Files.readString(dir.resolve("out/generators/controller/plan-with-data-files.jmx"));
        assertTrue(plan.contains("<SetupThreadGroup"), "the controller ran the copy with the setup group");
    }

    @Test
    void splitGivesEachExistingServerItsOwnDisjointShare() throws Exception {
        List<String> ids = ids(11);
        Path csv = csv(ids);
        RunOutcome outcome = run(csv, true, ADDRESSES, "out");
        assertEquals(RunStatus.COMPLETE, outcome.status(), outcome.reason());

        Map<String, List<String>> received = target.itemsByServer();
        // the rule of DataFiles.split: server i of n gets rows i, i+n, i+2n, ... (in the order of `servers`)
        for (int s = 0; s < 2; s++) {
            int index = s;
            List<String> expected = IntStream.range(0, ids.size()).filter(r -> r % 2 == index)
                    .mapToObj(ids::get).toList();
            assertEquals(expected, sorted(received.get(ADDRESSES.get(s))), ADDRESSES.get(s));
        }
        Set<String> first = new HashSet<>(received.get(ADDRESSES.get(0)));
        assertTrue(received.get(ADDRESSES.get(1)).stream().noneMatch(first::contains), "disjoint: " + received);
        assertEquals(ids, sorted(received.values().stream().flatMap(List::stream).toList()), "every row once");
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(11, summary.overall().count());
        assertNoSetupSamples(outcome, summary);
        assertNothingLeftOnServers();
    }

    @Test
    void aServerThatCannotWriteItsDataIsReportedByNameAndFileAndTheRunIsIncomplete() throws Exception {
        Path noTmp = shared.resolve("missing-tmp-dir");
        String broken = startServer("127.0.0.8", shared.resolve("server-broken"), noTmp);
        RunFixture.awaitPort(broken);
        List<String> servers = List.of(ADDRESSES.get(0), broken);
        List<String> ids = ids(6);
        RunOutcome outcome = run(csv(ids), true, servers, "out");

        assertEquals(RunStatus.INCOMPLETE, outcome.status(), outcome.reason());
        assertEquals(List.of(broken), outcome.failedGenerators());
        String output = String.join("\n", lastRun.lines);
        String reason = "perfgate: generator " + broken + " FAILED: perfgate: jmeter-server " + broken
                + " could not write data file items.csv into " + noTmp;
        assertTrue(output.contains(reason), output);
        Map<String, List<String>> received = target.itemsByServer();
        assertFalse(received.containsKey(broken), "the broken server ran no thread group: " + received);
        assertEquals(List.of("i01", "i03", "i05"), sorted(received.get(ADDRESSES.get(0))), "the other keeps its share");
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(3, summary.generators().get(ADDRESSES.get(0)).count());
        LabelStats reported = summary.labels().stream()
                .filter(l -> l.label().equals(EmbeddedDataFiles.FAILURE_LABEL)).findFirst().orElseThrow();
        assertEquals(1, reported.errors(), "the failure stays visible in the summary and the report");
        assertNothingLeftOnServers();
    }

    @Test
    void aRunStoppedByItsTimeLimitStillLeavesNothingOnTheServers() throws Exception {
        List<String> slow = IntStream.rangeClosed(1, 200).mapToObj(i -> "slow" + i).toList();
        RunOutcome outcome = run(csv(slow), true, ADDRESSES, "out", "5s");
        assertEquals(RunStatus.TIMED_OUT, outcome.status(), outcome.reason());
        assertFalse(target.itemsByServer().isEmpty(), "the servers read their shares until stopped");
        // the servers end their test (and delete their folders) just after the controller's StopTestNow
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            try {
                assertNothingLeftOnServers();
                break;
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void staleFolderCleanupNeverFollowsLinks() throws Exception {
        String server = ADDRESSES.get(0);
        Path tmp = TEMP_DIRS.get(0);
        String prefix = "perfgate-data-" + server.replaceAll("[^A-Za-z0-9.-]", "_") + "-";
        // what another local user could plant: a link under a stale folder's name, pointing at the server user's files
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("precious.txt"), "keep me");
        Path plantedLink = Files.createSymbolicLink(tmp.resolve(prefix + "planted"), victim);
        // a stale folder of this server's own (its test end never came), holding a link to more of the user's files
        Path victim2 = Files.createDirectories(dir.resolve("victim2"));
        Files.writeString(victim2.resolve("precious.txt"), "keep me too");
        Path stale = Files.createDirectories(tmp.resolve(prefix + "stale"));
        Files.createSymbolicLink(stale.resolve("link"), victim2);
        try {
            RunOutcome outcome = run(csv(ids(4)), false, List.of(server), "out");
            assertEquals(RunStatus.COMPLETE, outcome.status(), outcome.reason());
            assertEquals("keep me", Files.readString(victim.resolve("precious.txt")), "a planted link is not followed");
            assertEquals("keep me too", Files.readString(victim2.resolve("precious.txt")), "nor a link inside");
            assertFalse(Files.exists(stale, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the stale folder is gone");
            assertTrue(Files.isSymbolicLink(plantedLink), "the link, not a folder of this server's, is left alone");
        } finally {
            Files.deleteIfExists(plantedLink);
        }
    }

    @Test
    void existingServersGetSecretPropertiesFromTheControllersPrivateFile() throws Exception {
        RunFixture.resource("dump-environment.jmx", dir);
        Path dump = dir.resolve("dump.txt");
        RunPlan plan = RunFixture.plan(dir, """
                template: dump-environment.jmx
                properties: {dumpFile: 'DUMP'}
                generators: {type: jmeter-servers, servers: [SERVERS], heap: 256m, FAST_START}
                timeLimit: 60s
                """.replace("DUMP", dump.toString()).replace("SERVERS", String.join(", ", ADDRESSES))
                .replace("FAST_START", RunFixture.FAST_START));
        RunFixture.Run run = new RunFixture.Run(plan, dir.resolve("secret-out"));
        run.runner.withSecretProperties(Map.of("apiToken", "srv-s3cret-token"));
        RunOutcome outcome = run.runner.run();
        assertEquals(RunStatus.COMPLETE, outcome.status(), outcome.reason() + "\n" + run.output());
        assertTrue(Files.readString(dump).contains("prop apiToken=srv-s3cret-token"), "a server got the property");
        try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("secret-out"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("srv-s3cret-token"), "the secret is in " + f + ": " + text.lines()
                        .filter(l -> l.contains("srv-s3cret-token")).toList());
            }
        }
    }

    private RunFixture.Run lastRun;

    private RunOutcome run(Path csv, boolean split, List<String> servers, String out) throws Exception {
        return run(csv, split, servers, out, "60s");
    }

    private RunOutcome run(Path csv, boolean split, List<String> servers, String out, String timeLimit)
            throws Exception {
        RunFixture.resource("items-plan.jmx", dir);
        target.clear();
        RunPlan plan = RunFixture.plan(dir, """
                template: items-plan.jmx
                properties: {threads: 2, host: 127.0.0.1, port: TARGET, duration: 20}
                generators:
                  type: jmeter-servers
                  servers: [SERVERS]
                  heap: 256m
                  FAST_START
                dataFiles:
                  - {path: CSV, property: itemsFile, split: SPLIT}
                sampling: {progressInterval: 1s}
                timeLimit: LIMIT
                """.replace("TARGET", Integer.toString(target.port())).replace("SERVERS", String.join(", ", servers))
                .replace("CSV", csv.getFileName().toString()).replace("SPLIT", Boolean.toString(split))
                .replace("FAST_START", RunFixture.FAST_START).replace("LIMIT", timeLimit));
        lastRun = new RunFixture.Run(plan, dir.resolve(out));
        RunOutcome outcome = lastRun.runner.run();
        System.out.println(lastRun.output());
        return outcome;
    }

    private void assertNoSetupSamples(RunOutcome outcome, RunSummary summary) throws IOException {
        assertEquals(List.of("item"), summary.labels().stream().map(l -> l.label()).toList(), "only the template's samples");
        List<Path> files = new ArrayList<>(outcome.resultFiles());
        files.add(outcome.summaryFile().resolveSibling("generators/controller/results.jtl"));
        for (Path jtl : files) {
            try (Stream<String> rows = Files.lines(jtl)) {
                assertTrue(rows.noneMatch(r -> r.contains("perfgate")), jtl + " has a row of perfgate's own");
            }
        }
    }

    private static void assertNothingLeftOnServers() throws IOException {
        for (Path tmp : TEMP_DIRS) {
            try (Stream<Path> left = Files.list(tmp)) {
                List<Path> files = left.filter(p -> p.getFileName().toString().startsWith("perfgate-data-")).toList();
                assertEquals(List.of(), files, "the test's end deleted the server's data folder");
            }
        }
    }

    private Path csv(List<String> ids) throws IOException {
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, "id\n" + String.join("\n", ids) + "\n");
        return csv;
    }

    private static List<String> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("i%02d", i)).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    private static String startServer(String host, Path dir, Path tmp) throws IOException {
        int port = RunFixture.freePort();
        Files.createDirectories(dir);
        JMeterCommand cmd = TestJMeter.installation().command().heap("256m").jvmOption("-XX:TieredStopAtLevel=1")
                .systemProperty("java.io.tmpdir", tmp.toString()).property("server.rmi.ssl.disable", "true");
        SERVERS.add(JMeterProcess.start("server-" + host, cmd.server(host, port, 0), dir, dir.resolve("out.log"),
                dir.resolve("jmeter.log"), 0, Map.of()));
        return host + ":" + port;
    }

    /**
     * An HTTP target on 127.0.0.1 that answers 200 and records /item/&lt;id&gt; by the server named in X-Thread; ids
     * starting with {@code slow} take 100 ms.
     */
    static final class RecordingTarget implements AutoCloseable {
        private final HttpServer server;
        private final ConcurrentLinkedQueue<String[]> requests = new ConcurrentLinkedQueue<>();

        private RecordingTarget(HttpServer server) {
            this.server = server;
        }

        static RecordingTarget start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            RecordingTarget target = new RecordingTarget(server);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String thread = String.valueOf(exchange.getRequestHeaders().getFirst("X-Thread"));
                    target.requests.add(new String[] {thread, exchange.getRequestURI().getPath()});
                    if (exchange.getRequestURI().getPath().startsWith("/item/slow")) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    exchange.sendResponseHeaders(200, 2);
                    exchange.getResponseBody().write("ok".getBytes());
                }
            });
            server.start();
            return target;
        }

        int port() {
            return server.getAddress().getPort();
        }

        void clear() {
            requests.clear();
        }

        /** host:port (the prefix JMeter gives remote thread names) to the ids requested, in arrival order. */
        Map<String, List<String>> itemsByServer() {
            Map<String, List<String>> byServer = new ConcurrentHashMap<>();
            for (String[] r : requests) {
                String server = r[0].contains("-") ? r[0].substring(0, r[0].indexOf('-')) : r[0];
                byServer.computeIfAbsent(server, k -> new ArrayList<>()).add(r[1].replaceFirst("^/item/", ""));
            }
            return new TreeSet<>(byServer.keySet()).stream()
                    .collect(Collectors.toMap(k -> k, byServer::get, (a, b) -> a, java.util.LinkedHashMap::new));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
