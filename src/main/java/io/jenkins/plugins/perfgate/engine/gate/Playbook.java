package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.Locale;
import java.util.Optional;

/**
 * The playbook ({@code docs/playbooks/}) to read when a criterion fails: what to check first, for the kind of
 * figure the criterion bounds. The CLI's verdict, the HTML report and the Jenkins pages link a failed criterion to
 * its playbook; all links start with {@link #BASE_URL}.
 */
public enum Playbook {
    /** Response times: percentiles, mean, max, latency and connect times, apdex. */
    LATENCY("p95-regression.md", "p95 regressed"),
    /** Error counts and rates. */
    ERRORS("errors-under-load.md", "errors rise under load"),
    /** Requests and bytes per second, sample counts. */
    THROUGHPUT("throughput-plateau.md", "throughput plateaus"),
    /** Figures that drift over a long run (trend, drift, soak criteria). */
    SOAK("soak-drift.md", "a soak test drifts");

    /**
     * Where the playbooks are published: the project's docs folder on GitHub. The one place to change when the
     * documentation moves (docs/playbooks/README.md).
     */
    public static final String BASE_URL = "https://github.com/jenkinsci/perfgate-plugin/blob/main/docs/playbooks/";

    private final String document;
    private final String title;

    Playbook(String document, String title) {
        this.document = document;
        this.title = title;
    }

    /** The file name in {@code docs/playbooks/}. */
    public String document() {
        return document;
    }

    /** What the playbook is for, e.g. {@code p95 regressed}. */
    public String title() {
        return title;
    }

    public String url() {
        return BASE_URL + document;
    }

    /** The playbook for a criterion on this metric. */
    public static Playbook forMetric(Metric metric) {
        return switch (metric) {
            case ERROR_PERCENT, ERRORS -> ERRORS;
            case THROUGHPUT, COUNT, RECEIVED_BYTES_PER_SEC, SENT_BYTES_PER_SEC -> THROUGHPUT;
            default -> LATENCY;
        };
    }

    /** The playbook of a judged line; empty for the run-status line. */
    public static Optional<Playbook> forLine(VerdictLine line) {
        return line.criterion().map(c -> forText(c.text()).orElse(forMetric(c.metric())));
    }

    /**
     * The playbook for a criterion as written (as a build record keeps it): by its metric, or by a word naming a
     * long-run figure ({@code drift}, {@code trend}, {@code soak}, {@code slope}); empty when the text names no
     * metric perfgate knows.
     */
    public static Optional<Playbook> forCriterion(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Playbook> named = forText(text);
        if (named.isPresent()) {
            return named;
        }
        try {
            return Optional.of(forMetric(CriteriaParser.parse(text).metric()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** SOAK when the criterion's metric (its first word) names a long-run figure. */
    private static Optional<Playbook> forText(String text) {
        String metric = text.strip().split("[\\s\\[<>=(]", 2)[0].toLowerCase(Locale.ROOT);
        for (String word : new String[] {"drift", "trend", "soak", "slope"}) {
            if (metric.contains(word)) {
                return Optional.of(SOAK);
            }
        }
        return Optional.empty();
    }
}
