package io.jenkins.plugins.perfgate.history;

/**
 * One change point for the history page: where a label's statistic shifted and by how much.
 *
 * @param buildNumber the first build after the shift
 * @param label       the label ({@code TOTAL} for all samples)
 * @param metric      the statistic
 * @param before      its typical value before
 * @param after       its typical value after
 * @param change      the shift, formatted ({@code +35.2 %})
 */
public record ChangePointRow(long buildNumber, String label, String metric, String before, String after,
        String change) {

    public long getBuildNumber() {
        return buildNumber;
    }

    public String getLabel() {
        return label;
    }

    public String getMetric() {
        return metric;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getChange() {
        return change;
    }
}
