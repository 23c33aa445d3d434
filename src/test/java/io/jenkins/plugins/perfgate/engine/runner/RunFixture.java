package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.generators.BuiltInGenerators;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.PlanException;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the run tests share: one demo target on 127.0.0.1 for the whole test JVM, the provisioned JMeter, the
 * example templates, and plans written as YAML the way users write them.
 */
final class RunFixture {

    /** Generator JVM options that halve JMeter's start on a busy test machine (C1 only; not for real load). */
    static final String FAST_START = "options: {jvmArgs: '-XX:TieredStopAtLevel=1'}";

    private static DemoTarget target;

    private RunFixture() {
    }

    static synchronized DemoTarget target() {
        if (target == null) {
            try {
                target = DemoTarget.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(target::close));
        }
        return target;
    }

    /** Copies an example template (examples/templates, on the class path as perfgate/templates) into dir. */
    static Path template(String name, Path dir) throws IOException {
        try (InputStream in = RunFixture.class.getResourceAsStream("/perfgate/templates/" + name)) {
            if (in == null) {
                throw new IOException("no template " + name);
            }
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        }
    }

    /** Copies a test resource beside this class into dir. */
    static Path resource(String name, Path dir) throws IOException {
        try (InputStream in = RunFixture.class.getResourceAsStream(name)) {
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        }
    }

    /** Writes YAML plan text (with {@code PORT} replaced by the target's port) and reads it. */
    static RunPlan plan(Path dir, String yaml) throws IOException, PlanException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, yaml.replace("PORT", Integer.toString(target().port())));
        return RunPlanReader.read(file);
    }

    /** A runner whose output lines are collected. */
    static final class Run {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final PlanRunner runner;

        Run(RunPlan plan, Path out) {
            runner = new PlanRunner(plan, BuiltInGenerators.providers(), TestJMeter.installation(), out, lines::add,
                    false);
        }

        /** Runs in the background (for tests that act on a run while it goes on). */
        java.util.concurrent.CompletableFuture<RunOutcome> start() {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        String output() {
            return String.join("\n", lines);
        }
    }

    static boolean allGone(List<Long> pids) {
        return pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** A free TCP port (for a jmeter-server's RMI registry). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits up to 60 s until a jmeter-server's registry at {@code host:port} accepts connections. */
    static void awaitPort(String address) throws InterruptedException {
        String host = address.substring(0, address.indexOf(':'));
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket s = new java.net.Socket(host, port)) {
                Thread.sleep(500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("jmeter-server " + address + " did not come up");
    }
}
