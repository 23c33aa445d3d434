package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the HTML report of one run into a folder: {@code index.html}, {@code perfgate-report.css}, the optional
 * sorting script {@code perfgate-report.js}, an icon and one SVG file per chart. Nothing is loaded from elsewhere,
 * and the page needs neither inline script nor inline style nor data: URLs, so it opens offline and shows all of
 * its content under Jenkins' default Content-Security-Policy for archived files. See docs/report.md.
 */
public final class HtmlReport {

    public static final String INDEX = "index.html";
    static final String CSS = "perfgate-report.css";
    static final String JS = "perfgate-report.js";
    static final String ICON = "perfgate-icon.svg";

    private HtmlReport() {
    }

    /** Writes the report into {@code dir} (created when missing) and returns the path of its index.html. */
    public static Path write(ReportInput input, Path dir) {
        return write(input, ChartDrawing.of(input), dir);
    }

    /**
     * Starts drawing the report's charts on a thread of their own, so that the caller can write other files
     * meanwhile; {@link Drawn#write} then writes the report. See {@link ChartDrawing}.
     */
    public static Drawn drawAhead(ReportInput input) {
        return new Drawn(input, ChartDrawing.of(input).ahead());
    }

    /** A report whose charts are being drawn ({@link #drawAhead}), to be written or cancelled. */
    public static final class Drawn {
        private final ReportInput input;
        private final ChartDrawing charts;

        private Drawn(ReportInput input, ChartDrawing charts) {
            this.input = input;
            this.charts = charts;
        }

        /**
         * Writes the report into {@code dir} as {@link HtmlReport#write(ReportInput, Path)} does, its page linking
         * {@code moreRawFiles} too (raw files that exist only now); returns the path of its index.html.
         */
        public Path write(Path dir, List<RawLink> moreRawFiles) {
            return HtmlReport.write(input.withMoreRawFiles(moreRawFiles), charts, dir);
        }

        /** The report will not be written: drawing ahead stops. */
        public void cancel() {
            charts.cancel();
        }
    }

    private static Path write(ReportInput input, ChartDrawing drawing, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String asset : List.of(CSS, JS, ICON)) {
                copyResource(asset, dir.resolve(asset));
            }
            // made while the charts are drawn, when they are drawn ahead; written only once they all are
            String page = page(input, drawing.files());
            ReportCharts.write(drawing, dir);
            // every file is replaced atomically, the page last, after one force of the folder for all the others
            // (instead of one per file): a crash leaves the previous page or the new one, whose files all exist
            AtomicFiles.syncFolder(dir);
            Path index = dir.resolve(INDEX);
            AtomicFiles.writeString(index, page);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String page(ReportInput input, List<ReportCharts.ChartFile> charts) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "lang", "en").newline().open("head").newline();
        h.open("meta", "charset", "utf-8").newline();
        h.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        h.element("title", input.title()).newline();
        h.open("link", "rel", "stylesheet", "href", CSS).newline();
        h.open("link", "rel", "icon", "href", ICON, "type", "image/svg+xml").newline();
        // progressive enhancement only (table sorting); a blocked script loses nothing essential
        h.open("script", "src", JS, "defer", "defer").close("script").newline();
        h.close("head").newline().open("body").newline();
        h.open("header", "class", "page").element("h1", input.title());
        h.open("nav").open("ul");
        for (String[] link : new String[][] {{"#labels", "Labels"}, {"#criteria", "Criteria"},
            {"#over-time", "Over time"}, {"#trend", "Trend"}, {"#errors", "Errors"}, {"#facts", "Run"}}) {
            h.open("li").element("a", link[1], "href", link[0]).close("li");
        }
        h.close("ul").close("nav").close("header").newline();
        h.open("main").newline();
        VerdictSection.headline(input, h);
        LabelTable.render(input, h);
        VerdictSection.criteria(input, h);
        ChartsSection.overTime(charts, h);
        ChartsSection.trend(charts, h);
        ErrorsSection.render(input, h);
        GivenSection.render(input, h);
        FactsSection.render(input, h);
        h.close("main").newline();
        h.open("footer").text("Written by perfgate. This page works offline; sorting needs JavaScript, "
                + "everything else does not.").close("footer").newline();
        h.close("body").newline().close("html").newline();
        return h.toString();
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report asset missing from the build: " + name);
            }
            AtomicFiles.writeBytesUnforcedFolder(target, in.readAllBytes()); // forced with the charts
        }
    }
}
