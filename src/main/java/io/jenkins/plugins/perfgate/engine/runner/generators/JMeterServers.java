package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.DataFiles;
import io.jenkins.plugins.perfgate.engine.runner.DataSetupFailures;
import io.jenkins.plugins.perfgate.engine.runner.EmbeddedDataFiles;
import io.jenkins.plugins.perfgate.engine.runner.Generator;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorFleet;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProvider;
import io.jenkins.plugins.perfgate.engine.runner.JMeterProcess;
import io.jenkins.plugins.perfgate.engine.runner.JmxTransformer;
import io.jenkins.plugins.perfgate.engine.runner.LaunchContext;
import io.jenkins.plugins.perfgate.engine.runner.ResultFile;
import io.jenkins.plugins.perfgate.engine.runner.Shares;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterCommand;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jmeter-servers}: JMeter's own distributed mode. A controller process on this machine ({@code jmeter -n -R})
 * drives jmeter-server processes, which run the whole plan each and send their samples back over RMI
 * (sample sender mode {@code StrippedBatch} by default); the controller writes the only result file, in which
 * JMeter prefixes every thread name with the server's {@code host:port}.
 *
 * <p>Servers are either started by perfgate on 127.0.0.2, 127.0.0.3, ... (each on its own free RMI registry and
 * object port, {@code java.rmi.server.hostname} set to its address, RMI over plain sockets with
 * {@code server.rmi.ssl.disable=true}, its exact share and its own copy of the data files given as {@code -J} at
 * start; when one of those dies mid-run, the controller would wait for it forever, so once the others have ended
 * their test the controller is stopped and the run ends INCOMPLETE), or existing
 * ({@code generators.servers: [host:port]}). Existing servers receive the template's properties and an equal share
 * of the split ones through {@code -G}. JMeter cannot send them files, so their data files travel inside the plan:
 * the controller runs a copy with a setUp group ({@link JmxTransformer#addDataFileSetup}) whose script writes each
 * server's share into a temporary folder on that server at test start, points the template's property there and
 * deletes the folder when the test ends. A server that cannot write its files fails one sample saying why and stops
 * its own test; perfgate finds that sample in the result file and reports the server as failed (run INCOMPLETE).
 */
public final class JMeterServers implements GeneratorProvider {

    public static final String TYPE = "jmeter-servers";

    private static final long SERVER_START_TIMEOUT_MS = 60_000;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public GeneratorFleet start(LaunchContext context) throws IOException {
        GeneratorSpec spec = context.plan().generators();
        return spec.servers().isEmpty() ? startOwnServers(context, spec) : useExistingServers(context, spec);
    }

    private GeneratorFleet startOwnServers(LaunchContext context, GeneratorSpec spec) throws IOException {
        int count = spec.count();
        String fixedHost = spec.options().get("host");
        List<ProcessGenerator> servers = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String host = fixedHost != null ? fixedHost : "127.0.0." + (2 + i);
            int port = freeTcpPort();
            String id = host + ":" + port;
            Path dir = context.generatorDir(id);
            try {
                Files.createDirectories(dir);
                JMeterCommand cmd = context.jmeter().command().heap(spec.heap()).jvmOptions(spec.jvmArgs()).log(dir.resolve("jmeter-server.log"))
                        .properties(context.properties())
                        .properties(Shares.share(context.properties(), context.plan().splitProperties(), i, count))
                        .properties(DataFiles.ship(context.plan().dataFiles(), dir, i, count))
                        .property("server.rmi.ssl.disable", "true")
                        .property("perfgate.generator", id)
                        .propertyFile(context.secretPropertyFile());
                JMeterProcess process = JMeterProcess.start(id, cmd.server(host, port, freeTcpPort()), dir,
                        dir.resolve("stdout.log"), dir.resolve("jmeter-server.log"), 0, Map.of());
                servers.add(ProcessGenerator.running(id, process));
                addresses.add(id);
            } catch (IOException | RuntimeException e) {
                context.log().accept("jmeter-server " + id + " could not start: " + e.getMessage());
                servers.add(ProcessGenerator.failedToStart(id, e.toString()));
            }
        }
        List<String> ready = new ArrayList<>();
        for (ProcessGenerator server : servers) {
            if (server.process() != null && awaitReady(server.process(), server.id())) {
                ready.add(server.id());
            } else if (server.process() != null) {
                context.log().accept("jmeter-server " + server.id() + " did not come up:\n" + server.logTail(20));
                server.markKilledByUs();
                server.process().killTree();
            }
        }
        if (ready.isEmpty()) {
            servers.forEach(s -> {
                if (s.process() != null) {
                    s.process().killTree();
                }
            });
            throw new IOException("no jmeter-server could be started: "
                    + servers.stream().map(s -> s.id() + ": " + s.logTail(10)).toList());
        }
        List<Generator> reported = new ArrayList<>();
        for (ProcessGenerator s : servers) {
            reported.add(ready.contains(s.id()) ? s : new FailedServer(s));
        }
        Controller controller = startController(context, spec, context.testPlan(), ready, Map.of(), true);
        List<ProcessGenerator> all = new ArrayList<>(servers);
        all.add(controller.generator);
        reported.add(controller.generator);
        List<ProcessGenerator> readyServers = servers.stream().filter(s -> ready.contains(s.id())).toList();
        return new ProcessFleet(reported, all, List.of(new ResultFile(controller.jtl, "", addresses)),
                List.of(controller.generator.process()), () -> stranded(readyServers));
    }

    private GeneratorFleet useExistingServers(LaunchContext context, GeneratorSpec spec) throws IOException {
        Map<String, String> global = new java.util.LinkedHashMap<>(context.properties());
        global.putAll(Shares.equalShare(context.properties(), context.plan().splitProperties(),
                spec.servers().size()));
        Path testPlan = context.testPlan();
        DataSetupCheck dataCheck = null;
        if (!context.plan().dataFiles().isEmpty()) {
            Path dir = context.generatorDir("controller");
            Files.createDirectories(dir);
            testPlan = dir.resolve("plan-with-data-files.jmx");
            JmxTransformer.addDataFileSetup(context.testPlan(), testPlan,
                    EmbeddedDataFiles.of(context.plan().dataFiles(), spec.servers()));
        }
        Controller controller = startController(context, spec, testPlan, spec.servers(), global, false);
        ResultFile results = new ResultFile(controller.jtl, "", spec.servers());
        if (!context.plan().dataFiles().isEmpty()) {
            dataCheck = new DataSetupCheck(controller.generator, results);
        }
        List<Generator> reported = new ArrayList<>();
        for (String server : spec.servers()) {
            reported.add(new RemoteServer(server, controller.generator, dataCheck));
        }
        reported.add(controller.generator);
        return new ProcessFleet(reported, List.of(controller.generator), List.of(results),
                List.of(controller.generator.process()));
    }

    private record Controller(ProcessGenerator generator, Path jtl) {
    }

    private Controller startController(LaunchContext context, GeneratorSpec spec, Path testPlan,
            List<String> servers, Map<String, String> global, boolean exitServers) throws IOException {
        Path dir = context.generatorDir("controller");
        Files.createDirectories(dir);
        Path jtl = dir.resolve(LaunchContext.RESULTS);
        int controlPort = JMeterProcess.freeUdpPort();
        JMeterCommand cmd = context.jmeter().command().heap(spec.heap()).jvmOptions(spec.jvmArgs()).plan(testPlan).results(jtl)
                .log(dir.resolve("jmeter.log")).remoteHosts(servers).remoteExit(exitServers)
                .properties(context.properties())
                .property("server.rmi.ssl.disable", "true")
                .property("mode", spec.sampleSenderMode())
                .property("client.tries", "3")
                .property("client.retries_delay", "1000")
                .property("jmeterengine.nongui.port", Integer.toString(controlPort))
                .property("jmeterengine.nongui.maxport", Integer.toString(controlPort))
                .systemProperty("java.rmi.server.hostname", spec.options().getOrDefault("controllerHost",
                        "127.0.0.1"));
        global.forEach(cmd::globalProperty);
        cmd.propertyFile(context.secretPropertyFile());
        if (!exitServers) {
            // existing servers know only what the controller sends them (the servers perfgate starts read the file)
            cmd.globalPropertyFile(context.secretPropertyFile());
        }
        JMeterProcess process = JMeterProcess.start("controller", cmd.nonGui(), dir, dir.resolve("stdout.log"),
                dir.resolve("jmeter.log"), controlPort, Map.of());
        return new Controller(ProcessGenerator.running("controller", process), jtl);
    }

    /**
     * The controller waits for every server's end of test, so a server that died leaves it waiting forever: once
     * a server has died and every other one has logged the end of its test, nothing more will come.
     */
    private static boolean stranded(List<ProcessGenerator> servers) {
        boolean anyDied = false;
        for (ProcessGenerator s : servers) {
            if (s.state() == Generator.State.FAILED) {
                anyDied = true;
            } else if (s.state() == Generator.State.RUNNING && !s.process().tail(40).contains("Test has ended on host")) {
                return false;
            }
        }
        return anyDied;
    }

    private static boolean awaitReady(JMeterProcess process, String id) {
        String host = id.substring(0, id.lastIndexOf(':'));
        int port = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
        long deadline = System.currentTimeMillis() + SERVER_START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline && process.alive()) {
            if (process.tail(50).contains("Created remote object")) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, port), 500);
                    return true;
                } catch (IOException notYet) {
                    // registry not bound yet
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A server perfgate started that never became ready. */
    private record FailedServer(ProcessGenerator server) implements Generator {
        @Override
        public String id() {
            return server.id();
        }

        @Override
        public State state() {
            return State.FAILED;
        }

        @Override
        public String failure() {
            return "did not come up";
        }

        @Override
        public String logTail(int lines) {
            return server.logTail(lines);
        }
    }

    /**
     * Whether existing servers wrote their data files: read once from the controller's result file after the
     * controller has ended (a server that could not stops its own test at once; the others go on).
     */
    private static final class DataSetupCheck {
        private final ProcessGenerator controller;
        private final ResultFile results;
        private volatile Map<String, String> failures;

        DataSetupCheck(ProcessGenerator controller, ResultFile results) {
            this.controller = controller;
            this.results = results;
        }

        String failure(String server) {
            if (controller.state() == Generator.State.RUNNING) {
                return "";
            }
            Map<String, String> found = failures;
            if (found == null) {
                try {
                    found = DataSetupFailures.find(results);
                } catch (IOException e) {
                    found = Map.of(server, "cannot read " + results.path() + " to check its data files: "
                            + e.getMessage());
                }
                failures = found;
            }
            return found.getOrDefault(server, "");
        }
    }

    /** An existing server: perfgate only sees it through the controller. */
    private record RemoteServer(String id, ProcessGenerator controller, DataSetupCheck dataCheck)
            implements Generator {
        @Override
        public State state() {
            State state = controller.state();
            return state != State.RUNNING && !dataFailure().isEmpty() ? State.FAILED : state;
        }

        @Override
        public String failure() {
            String data = dataFailure();
            if (!data.isEmpty()) {
                return data;
            }
            return controller.state() == State.FAILED ? "controller " + controller.failure() : "";
        }

        @Override
        public String logTail(int lines) {
            return dataFailure().isEmpty() ? controller.logTail(lines)
                    : "(the stack trace is in the jmeter.log of " + id + ")\n";
        }

        private String dataFailure() {
            return dataCheck == null ? "" : dataCheck.failure(id);
        }
    }
}
