package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's decision on a run: pass, unstable or fail, with one line per criterion and label, the comparison with
 * the baseline (when there was one) and notes (history warnings, noise not assessed...). Immutable.
 *
 * @param result              the decision
 * @param runStatus           how complete the judged run was
 * @param lines               one line per criterion and label, plus the completeness line when not complete
 * @param comparison          every statistic against the baseline, when a baseline was found
 * @param baselineDescription which baseline was used, or why there was none
 * @param notes               further facts for people
 */
public record Verdict(GateResult result, RunStatus runStatus, List<VerdictLine> lines,
        Optional<Comparison> comparison, String baselineDescription, List<String> notes) {

    public Verdict {
        Objects.requireNonNull(result);
        Objects.requireNonNull(runStatus);
        lines = List.copyOf(lines);
        Objects.requireNonNull(comparison);
        baselineDescription = baselineDescription == null ? "" : baselineDescription;
        notes = List.copyOf(notes);
    }

    public int exitCode() {
        return result.exitCode();
    }

    /** Lines that did not pass (warnings included). */
    public List<VerdictLine> problems() {
        return lines.stream().filter(l -> l.outcome() != Outcome.PASS).toList();
    }

    /** The playbooks of the criteria that failed or made the run unstable, each once, in the order of the lines. */
    public List<Playbook> playbooks() {
        return lines.stream().filter(l -> l.outcome() == Outcome.FAIL || l.outcome() == Outcome.UNSTABLE)
                .map(Playbook::forLine).flatMap(Optional::stream).distinct().toList();
    }

    /**
     * The verdict for people: a headline, then one line per criterion and label, the playbooks of what failed, then
     * the notes.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("perfgate verdict: ").append(result.name());
        long failed = lines.stream().filter(l -> l.outcome() == Outcome.FAIL).count();
        long unstable = lines.stream().filter(l -> l.outcome() == Outcome.UNSTABLE).count();
        long warned = lines.stream().filter(l -> l.outcome() == Outcome.WARN).count();
        sb.append(" (").append(lines.size()).append(" checks: ").append(failed).append(" failed, ")
                .append(unstable).append(" unstable, ").append(warned).append(" warnings)\n");
        sb.append("baseline: ").append(baselineDescription.isEmpty() ? "none" : baselineDescription).append('\n');
        for (VerdictLine l : lines) {
            sb.append("  ").append(l.format()).append('\n');
        }
        for (Playbook p : playbooks()) {
            sb.append("playbook: ").append(p.title()).append(": ").append(p.url()).append('\n');
        }
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
