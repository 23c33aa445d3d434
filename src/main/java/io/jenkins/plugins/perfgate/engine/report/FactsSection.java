package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.results.JtlFormat;
import io.jenkins.plugins.perfgate.engine.results.ReadProblem;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The run's facts: status, template, properties, generators, duration, samples, sources and read problems, plus
 * links to raw files. Attribute conventions: {@code template} names the template, {@code property.NAME} holds
 * one template property; every other attribute is listed as is.
 */
final class FactsSection {

    static final String TEMPLATE = "template";
    static final String PROPERTY_PREFIX = "property.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private FactsSection() {
    }

    static void render(ReportInput input, Html h) {
        RunSummary s = input.summary();
        h.open("section", "id", "facts").element("h2", "Run");
        h.open("dl", "class", "facts");
        fact(h, "Status", s.status().name() + (s.statusReason().isEmpty() ? "" : ": " + s.statusReason()));
        input.build().ifPresent(b -> fact(h, "Build", b.display()
                + (b.gitCommit().isEmpty() ? "" : ", commit " + b.gitCommit())));
        fact(h, "Template", s.attributes().getOrDefault(TEMPLATE, "not recorded"));
        if (s.startMillis() > 0) {
            fact(h, "Start", TIME.format(Instant.ofEpochMilli(s.startMillis())));
            fact(h, "Duration", duration(s.endMillis() - s.startMillis()));
        }
        fact(h, "Samples", String.format(Locale.ROOT, "%,d in %d label%s", s.overall().count(), s.labels().size(),
                s.labels().size() == 1 ? "" : "s"));
        if (s.malformedLines() > 0) {
            fact(h, "Malformed lines", Long.toString(s.malformedLines()));
        }
        h.close("dl").newline();
        table(h, "properties", "Properties", s.attributes(), true);
        table(h, "attributes", "Other facts", s.attributes(), false);
        generators(s, h);
        sources(s, h);
        problems(s, h);
        rawFiles(input, h);
        h.close("section").newline();
    }

    private static void fact(Html h, String name, String value) {
        h.element("dt", name).element("dd", value);
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d h %02d min %02d s", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    private static void table(Html h, String id, String title, Map<String, String> attributes, boolean properties) {
        var rows = attributes.entrySet().stream()
                .filter(e -> !e.getKey().equals(TEMPLATE))
                .filter(e -> e.getKey().startsWith(PROPERTY_PREFIX) == properties).toList();
        if (rows.isEmpty()) {
            return;
        }
        h.element("h3", title);
        h.open("table", "id", id, "class", "keyvalue").open("tbody");
        for (var e : rows) {
            String key = properties ? e.getKey().substring(PROPERTY_PREFIX.length()) : e.getKey();
            h.open("tr").element("th", key).element("td", e.getValue()).close("tr");
        }
        h.close("tbody").close("table").newline();
    }

    private static void generators(RunSummary s, Html h) {
        if (s.generators().isEmpty()) {
            return;
        }
        h.element("h3", "Generators");
        h.open("table", "id", "generators", "class", "keyvalue").open("tbody");
        for (Map.Entry<String, LabelStats> g : s.generators().entrySet()) {
            h.open("tr").element("th", g.getKey()).element("td", String.format(Locale.ROOT,
                    "%,d samples, %.1f %% errors, %.1f/s", g.getValue().count(), g.getValue().errorPercent(),
                    g.getValue().throughput())).close("tr");
        }
        h.close("tbody").close("table").newline();
    }

    private static void sources(RunSummary s, Html h) {
        if (s.sources().isEmpty()) {
            return;
        }
        h.element("h3", "Result files");
        h.open("table", "id", "sources", "class", "keyvalue").open("tbody");
        for (SourceFile f : s.sources()) {
            boolean given = s.toolAggregates().stream().anyMatch(t -> t.path().equals(f.path()));
            h.open("tr").element("th", f.path()).element("td", String.format(Locale.ROOT, "%s, %s%s%s%s",
                    JtlFormat.describe(f.format()), given ? "the tool's own aggregates (no samples)"
                            : String.format(Locale.ROOT, "%,d samples", f.samples()),
                    f.generator().isEmpty() ? "" : ", generator " + f.generator(),
                    f.malformedLines() > 0 ? ", " + f.malformedLines() + " malformed lines" : "",
                    f.truncatedTail() ? ", last line cut off" : "")).close("tr");
        }
        h.close("tbody").close("table").newline();
    }

    private static void problems(RunSummary s, Html h) {
        if (s.problems().isEmpty()) {
            return;
        }
        h.element("h3", "Problems reading the results");
        h.open("ul", "id", "problems");
        for (ReadProblem p : s.problems()) {
            h.element("li", p.toString());
        }
        h.close("ul").newline();
    }

    private static void rawFiles(ReportInput input, Html h) {
        if (input.rawFiles().isEmpty()) {
            return;
        }
        h.element("h3", "Raw files");
        h.open("ul", "id", "raw-files");
        for (RawLink l : input.rawFiles()) {
            h.open("li").element("a", l.name(), "href", l.href()).close("li");
        }
        h.close("ul").newline();
    }
}
