package io.jenkins.plugins.perfgate.generators;

import hudson.console.LineTransformationOutputStream;
import io.jenkins.plugins.perfgate.agent.MaskingOutputStream;
import io.jenkins.plugins.perfgate.engine.runner.LiveWindow;
import io.jenkins.plugins.perfgate.engine.runner.plan.Durations;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live progress of one generator agent, read from the progress lines its {@code perfgate run} prints
 * ({@code [perfgate] 25s/1m00s threads 20 samples 1234 rps 245.6 err 1.2% p95 120ms | gen-1 ok 612}); its other
 * output goes to the build log prefixed with the agent's name, secrets masked. Its live window lines
 * ({@link LiveWindow}) are kept for the abort criteria, not shown. {@link #line} joins all agents into one line.
 */
final class AgentProgress extends LineTransformationOutputStream {

    /** A progress line of the command line (live or final): samples, then window rps, error % and p95 if live. */
    static final Pattern PROGRESS = Pattern.compile("^\\[perfgate\\] (?:final )?\\S+(?: threads \\d+)? samples (\\d+)"
            + "(?: rps ([0-9.]+))? err (\\S+)(?: p95 (\\S+))?");

    /** The command line's last line about the run: {@code perfgate: COMPLETE; 120 samples; summary ...}. */
    private static final Pattern RESULT = Pattern.compile("^perfgate: [A-Z_]+(?: \\(.*\\))?; \\d+ samples; summary ");

    private final String agent;
    private boolean ended;
    private final PrintStream log;
    /** Secret values (secret template properties) shown as {@code ****} in what reaches the build log. */
    private final List<String> masked;
    /** The agent's last live window, for abort criteria judged over all agents; null before its first. */
    private volatile LiveWindow window;
    private volatile long samples;
    private volatile String rps = "-";
    private volatile String errors = "-";
    private volatile String p95 = "-";
    private volatile String state = "starting";

    AgentProgress(String agent, PrintStream log) {
        this(agent, log, List.of());
    }

    AgentProgress(String agent, PrintStream log, java.util.Collection<String> masked) {
        this.agent = agent;
        this.log = log;
        this.masked = MaskingOutputStream.longestFirst(masked);
    }

    /** The agent's last live window ({@code perfgate run --window-lines}), or null before its first. */
    LiveWindow window() {
        return window;
    }

    String agent() {
        return agent;
    }

    long samples() {
        return samples;
    }

    void state(String newState) {
        state = newState;
    }

    String state() {
        return state;
    }

    @Override
    protected void eol(byte[] b, int len) {
        String raw = trimEOL(new String(b, 0, len, StandardCharsets.UTF_8));
        if (raw.startsWith(LiveWindow.PREFIX)) {
            // machine-readable, for the controller's abort criteria: not for the build log (read unmasked: a short
            // secret value could otherwise cut into its Base64)
            LiveWindow.parse(raw).ifPresent(w -> window = w);
            return;
        }
        String text = MaskingOutputStream.mask(raw, masked);
        Matcher m = PROGRESS.matcher(text);
        if (m.find()) {
            samples = Long.parseLong(m.group(1));
            rps = m.group(2) == null ? "-" : m.group(2);
            errors = m.group(3);
            p95 = m.group(4) == null ? "-" : m.group(4);
            if (text.startsWith("[perfgate] final ")) {
                state = "done";
                // the agent's generator (named after the agent) is said already: the agent's name is in front
                String fin = text.substring("[perfgate] ".length()).replaceFirst(" \\| .*$", "");
                synchronized (log) {
                    log.println("[perfgate] [" + agent + "] " + fin);
                }
            }
            return;
        }
        if (text.startsWith("perfgate: ") && RESULT.matcher(text).find()) {
            // the per-agent table and summary path that follow are the merged run's business
            ended = true;
        } else if (ended && !text.toLowerCase(java.util.Locale.ROOT).matches(".*(warning|error|fail).*")) {
            return;
        }
        if (!text.isBlank()) {
            synchronized (log) {
                log.println("[perfgate] [" + agent + "] " + text);
            }
        }
    }

    /** This agent's entry: {@code agent-1 running 612 samples 122.4/s err 0.0% p95 12ms}. */
    String entry() {
        return agent + " " + state + " " + samples + " samples " + rps + "/s err " + errors + " p95 " + p95;
    }

    /** One line for all agents: {@code [perfgate] agents 25s samples 1234 | agent-1 running ... | agent-2 ...}. */
    static String line(long elapsedMillis, List<AgentProgress> agents) {
        StringBuilder sb = new StringBuilder("[perfgate] agents ")
                .append(Durations.format(Duration.ofMillis(elapsedMillis)))
                .append(" samples ").append(agents.stream().mapToLong(AgentProgress::samples).sum());
        for (AgentProgress a : agents) {
            sb.append(" | ").append(a.entry());
        }
        return sb.toString();
    }
}
