package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.report.HtmlReport;
import io.jenkins.plugins.perfgate.engine.report.RawLink;
import io.jenkins.plugins.perfgate.engine.report.ReportInput;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * The {@code --html DIR} option of commands that produce a run summary ({@code perfgate report}, {@code perfgate
 * run}): mix it in with {@code @Mixin HtmlReportOption html;} and call {@link #write} once the summary exists.
 */
public final class HtmlReportOption {

    @Option(names = "--html", paramLabel = "DIR",
            description = "also write the HTML report into DIR: index.html, its CSS and SVG charts; opens offline "
                    + "and under Jenkins' default Content-Security-Policy")
    Path dir;

    public boolean requested() {
        return dir != null;
    }

    /**
     * Writes the report of a summary, linking the given raw files (result files, the summary JSON) that exist.
     * Returns false after printing why when it cannot be written.
     */
    public boolean write(RunSummary summary, String title, List<Path> rawFiles, PrintWriter out, PrintWriter err) {
        return write(ReportInput.of(summary).withTitle(title), rawFiles, out, err);
    }

    /** Writes a full report (verdict, history...) the same way; the raw links are added to the input's. */
    public boolean write(ReportInput input, List<Path> rawFiles, PrintWriter out, PrintWriter err) {
        if (dir == null) {
            return true;
        }
        try {
            return written(HtmlReport.write(input.withMoreRawFiles(links(rawFiles)), dir), out);
        } catch (UncheckedIOException | IllegalStateException e) {
            return failed(e, err);
        }
    }

    /**
     * Starts drawing the charts of a summary's report on a thread of their own while the caller writes other files
     * (the summary JSON), for {@link #write(HtmlReport.Drawn, List, PrintWriter, PrintWriter)} once they are
     * written, or {@link HtmlReport.Drawn#cancel}; null when no report is asked for.
     */
    public HtmlReport.Drawn drawAhead(RunSummary summary, String title) {
        return dir == null ? null : HtmlReport.drawAhead(ReportInput.of(summary).withTitle(title));
    }

    /** Writes a report drawn ahead as {@link #write(RunSummary, String, List, PrintWriter, PrintWriter)} does. */
    public boolean write(HtmlReport.Drawn drawn, List<Path> rawFiles, PrintWriter out, PrintWriter err) {
        if (dir == null) {
            return true;
        }
        try {
            return written(drawn.write(dir, links(rawFiles)), out);
        } catch (UncheckedIOException | IllegalStateException e) {
            return failed(e, err);
        }
    }

    private static boolean written(Path index, PrintWriter out) {
        out.println("HTML report written to " + index);
        return true;
    }

    private static boolean failed(RuntimeException e, PrintWriter err) {
        err.println("perfgate: cannot write the HTML report: " + e.getMessage());
        return false;
    }

    /** Links relative to the report folder, forward slashes; files that do not exist are left out. */
    private List<RawLink> links(List<Path> files) {
        Path base = dir.toAbsolutePath().normalize();
        List<RawLink> links = new ArrayList<>();
        for (Path f : files) {
            if (f != null && Files.isRegularFile(f)) {
                Path target = f.toAbsolutePath().normalize();
                String relative = base.relativize(target).toString().replace('\\', '/');
                links.add(new RawLink(Objects.requireNonNull(target.getFileName()).toString(), relative));
            }
        }
        return links;
    }
}
