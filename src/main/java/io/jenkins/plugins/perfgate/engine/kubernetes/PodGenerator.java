package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.jenkins.plugins.perfgate.engine.runner.Generator;
import io.jenkins.plugins.perfgate.engine.runner.LaunchContext;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * One generator pod, as the runner sees it. Its state comes from the pod's log stream ({@link #follow}), which
 * {@code PodRunner.java} fills: result lines go to the local {@code results.jtl} (which the runner tails as for a
 * local generator), console lines to {@code stdout.log}, and the end marker says how JMeter ended and how many
 * result lines it wrote, with their SHA-256, so a line lost on the way fails the generator rather than skewing the
 * summary. What the pod's status says ({@link #podEnded}) covers pods that die without a word.
 */
final class PodGenerator implements Generator {

    /** How long after its pod ended a generator waits for the rest of its log stream. */
    static final long STREAM_GRACE_MILLIS = 10_000;

    private final String id;
    private final String pod;
    private final Path dir;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile String startFailure;
    private volatile boolean streamEnded;
    private volatile long streamEndedAt;
    private volatile String endMarker;
    private volatile String streamFailure = "";
    private volatile String podFailure = "";
    private volatile long podEndedAt;
    private volatile long received;
    private volatile String receivedSha = "";
    private volatile boolean killedByUs;

    PodGenerator(String id, String pod, Path dir) {
        this.id = id;
        this.pod = pod;
        this.dir = dir;
    }

    static PodGenerator failedToStart(String id, String pod, Path dir, String why) {
        PodGenerator g = new PodGenerator(id, pod, dir);
        g.startFailure = why;
        g.streamEnded = true;
        return g;
    }

    String pod() {
        return pod;
    }

    Path results() {
        return dir.resolve(LaunchContext.RESULTS);
    }

    /** Reads the pod's log stream to its end, demultiplexing it into the generator's files. Blocks. */
    void follow(InputStream log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8));
                BufferedWriter jtl = Files.newBufferedWriter(results(), StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(dir.resolve("stdout.log"), StandardCharsets.UTF_8);
                BufferedWriter jmeterLog = Files.newBufferedWriter(dir.resolve("jmeter.log"),
                        StandardCharsets.UTF_8)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long lines = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("R ")) {
                    String row = line.substring(2);
                    jtl.write(row);
                    jtl.write('\n');
                    sha.update((row + "\n").getBytes(StandardCharsets.UTF_8));
                    lines++;
                    received = lines;
                } else if (line.startsWith("L ")) {
                    jmeterLog.write(line.substring(2));
                    jmeterLog.write('\n');
                    remember(line.substring(2));
                } else if (line.startsWith("E ")) {
                    receivedSha = HexFormat.of().formatHex(sha.digest());
                    endMarker = line.substring(2).strip();
                } else {
                    String text = line.startsWith("O ") ? line.substring(2) : line;
                    out.write(text);
                    out.write('\n');
                    remember(text);
                }
                if (!in.ready()) { // the runner tails results.jtl: hand over what arrived
                    jtl.flush();
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            streamFailure = "log stream of pod " + pod + " broke: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            streamEndedAt = System.currentTimeMillis();
            streamEnded = true;
        }
    }

    /** The pod ended (or vanished) as its status says; {@code why} is empty when it succeeded. */
    void podEnded(String why) {
        if (podEndedAt == 0) {
            podFailure = why;
            podEndedAt = System.currentTimeMillis();
        }
    }

    /** perfgate deleted the pod at the end of the run: a missing end marker is then no failure. */
    void markKilledByUs() {
        if (!over()) {
            killedByUs = true;
        }
    }

    boolean streamEnded() {
        return streamEnded;
    }

    private synchronized void remember(String line) {
        tail.addLast(line);
        if (tail.size() > 100) {
            tail.removeFirst();
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public State state() {
        if (startFailure != null) {
            return State.FAILED;
        }
        return over() ? (failure().isEmpty() ? State.FINISHED : State.FAILED) : State.RUNNING;
    }

    /**
     * Whether the generator's end is known: its end marker arrived, or perfgate deleted the pod, or the pod ended
     * (its status says why), or one side ended {@link #STREAM_GRACE_MILLIS} ago without the other.
     */
    private boolean over() {
        long now = System.currentTimeMillis();
        if (killedByUs || streamEnded && (endMarker != null || podEndedAt != 0)) {
            return true;
        }
        return streamEnded ? now - streamEndedAt > STREAM_GRACE_MILLIS
                : podEndedAt != 0 && now - podEndedAt > STREAM_GRACE_MILLIS;
    }

    @Override
    public String failure() {
        if (startFailure != null) {
            return "pod " + pod + " could not start: " + startFailure;
        }
        String marker = endMarker;
        if (marker == null) {
            if (killedByUs) {
                return "";
            }
            if (!podFailure.isEmpty()) {
                return "pod " + pod + " " + podFailure;
            }
            if (!streamFailure.isEmpty()) {
                return streamFailure;
            }
            return streamEnded || podEndedAt != 0 ? "pod " + pod + " ended without perfgate's end marker "
                    + "(its log stream was cut)" : "";
        }
        String[] f = marker.split(" ");
        if (f.length != 3) {
            return "pod " + pod + " sent a bad end marker '" + marker + "'";
        }
        long expected;
        int code;
        try {
            expected = Long.parseLong(f[1]);
            code = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            return "pod " + pod + " sent a bad end marker '" + marker + "'";
        }
        if (expected != received || !f[2].equals(receivedSha)) {
            return "pod " + pod + ": " + received + " result lines arrived through the log stream, the pod wrote "
                    + expected + (expected == received ? " (different content)" : "")
                    + "; the container log was rotated or cut";
        }
        return code == 0 ? "" : "pod " + pod + ": JMeter exited with code " + code;
    }

    @Override
    public synchronized String logTail(int lines) {
        StringBuilder out = new StringBuilder();
        if (startFailure != null) {
            out.append(startFailure).append('\n');
        }
        tail.stream().skip(Math.max(0, tail.size() - lines)).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
