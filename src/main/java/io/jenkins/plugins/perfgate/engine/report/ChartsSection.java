package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart sections: images of the sibling SVG files. Per-label trends sit in {@code <details>} elements, which
 * open and close without script, so they work under Jenkins' CSP too.
 */
final class ChartsSection {

    private ChartsSection() {
    }

    static void overTime(List<ReportCharts.ChartFile> files, Html h) {
        h.open("section", "id", "over-time").element("h2", "Over time");
        List<ReportCharts.ChartFile> mine = files.stream()
                .filter(f -> f.group().equals(ReportCharts.OVER_TIME)).toList();
        if (mine.isEmpty()) {
            h.element("p", "No samples to chart.", "class", "empty");
        }
        grid(mine, h);
        h.close("section").newline();
    }

    static void trend(List<ReportCharts.ChartFile> files, Html h) {
        h.open("section", "id", "trend").element("h2", "Trend across builds");
        Map<String, List<ReportCharts.ChartFile>> byLabel = new LinkedHashMap<>();
        files.stream().filter(f -> f.group().equals(ReportCharts.TREND))
                .forEach(f -> byLabel.computeIfAbsent(f.label(), k -> new java.util.ArrayList<>()).add(f));
        if (byLabel.isEmpty()) {
            h.element("p", "No build history yet: trends appear from the second build on.", "class", "empty");
        }
        for (Map.Entry<String, List<ReportCharts.ChartFile>> e : byLabel.entrySet()) {
            if (e.getKey().equals(OverallRow.LABEL)) {
                grid(e.getValue(), h);
            } else {
                h.open("details", "class", "label-trend").open("summary").text("Label ")
                        .element("span", e.getKey(), "class", "label").close("summary");
                grid(e.getValue(), h);
                h.close("details").newline();
            }
        }
        h.close("section").newline();
    }

    private static void grid(List<ReportCharts.ChartFile> files, Html h) {
        h.open("div", "class", "charts");
        for (ReportCharts.ChartFile f : files) {
            h.open("figure", "class", "chart");
            h.open("img", "src", f.fileName(), "alt", f.caption(), "width", Integer.toString(ReportCharts.WIDTH),
                    "height", Integer.toString(ReportCharts.HEIGHT));
            h.element("figcaption", f.caption());
            h.close("figure").newline();
        }
        h.close("div");
    }
}
