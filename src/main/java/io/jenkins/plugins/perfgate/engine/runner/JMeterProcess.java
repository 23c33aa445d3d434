package io.jenkins.plugins.perfgate.engine.runner;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JMeter JVM started by perfgate: its output goes to a file, it can be asked to stop through JMeter's UDP
 * control port (StopTestNow: the test ends and result files are closed properly), and it can be killed with its
 * whole process tree.
 */
public final class JMeterProcess {

    private final String name;
    private final Process process;
    private final Path output;
    private final Path jmeterLog;
    private final int controlPort;

    private JMeterProcess(String name, Process process, Path output, Path jmeterLog, int controlPort) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.jmeterLog = jmeterLog;
        this.controlPort = controlPort;
    }

    /**
     * Starts {@code command} in {@code dir}, stdout and stderr to {@code output}.
     *
     * @param controlPort the UDP port JMeter listens on for StopTestNow (0: none, stop means kill)
     */
    public static JMeterProcess start(String name, List<String> command, Path dir, Path output, Path jmeterLog,
            int controlPort, Map<String, String> environment) throws IOException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // perfgate's own secrets stay with perfgate: any template can read its JVM's environment
        SecretVariables.strip(pb.environment());
        pb.environment().putAll(environment);
        SecretVariables.strip(pb.environment());
        return new JMeterProcess(name, pb.start(), output, jmeterLog, controlPort);
    }

    /** A free UDP port on the loopback interface for JMeter's control listener. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Asks JMeter to stop the test now; kills when it has no control port. */
    public void requestStop() {
        if (!process.isAlive()) {
            return;
        }
        if (controlPort <= 0) {
            process.destroy();
            return;
        }
        byte[] message = "StopTestNow".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), controlPort));
        } catch (IOException e) {
            process.destroy();
        }
    }

    /** Kills the process and every descendant, waiting up to 3 s for them to be gone. */
    public void killTree() {
        List<ProcessHandle> all = new ArrayList<>();
        process.toHandle().descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still reported through alive() by the caller
                }
            }
        }
    }

    /** The last {@code lines} lines of the process output followed by those of JMeter's log. */
    public String tail(int lines) {
        StringBuilder sb = new StringBuilder();
        appendTail(sb, output, lines);
        if (jmeterLog != null) {
            appendTail(sb, jmeterLog, lines);
        }
        return sb.toString();
    }

    private static void appendTail(StringBuilder sb, Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            long start = Math.max(0, len - 16 * 1024);
            raf.seek(start);
            byte[] buf = new byte[(int) (len - start)];
            raf.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(start > 0 ? 1 : 0, all.length - lines);
            sb.append("--- ").append(file.getFileName()).append(" ---\n");
            for (int i = from; i < all.length; i++) {
                sb.append(all[i]).append('\n');
            }
        } catch (IOException e) {
            sb.append("(cannot read ").append(file).append(": ").append(e.getMessage()).append(")\n");
        }
    }
}
