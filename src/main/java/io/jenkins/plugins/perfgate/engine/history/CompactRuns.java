package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.LazyLabelRows;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The compact form of a run's figures in a history entry of version 2 ({@link HistoryJson}): each row is an array,
 * the label then one value per metric in the order the entry's {@code metrics} list names them (null for NaN), so
 * metric names are written once per entry instead of once per row: about 2.5x smaller than version 1's objects.
 *
 * <pre>
 * "run": {"status": "COMPLETE", "statusReason": "", "overall": ["TOTAL", 812, 3, ...],
 *         "labels": [["GET /a", 640, 2, ...], ["GET /b", ...]]}
 * </pre>
 *
 * Reading checks every token of the label rows (strings, numbers, nulls; the row count) but decodes no row: the rows
 * become {@link LazyLabelRows}, decoded from their text when first looked up. A trend of the overall row over 1,000
 * builds thus builds no label row at all.
 */
final class CompactRuns {

    /** A figure written by a writer takes at most 24 characters; longer numbers are refused when read. */
    private static final int MAX_NUMBER_CHARS = 32;

    private CompactRuns() {
    }

    /** The metric keys in the order the writer writes them. */
    static List<String> writtenMetrics() {
        return Arrays.stream(Metric.values()).map(Metric::key).toList();
    }

    static void write(JsonGenerator g, RunFigures run) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", run.status().name());
        g.writeStringField("statusReason", run.statusReason());
        g.writeFieldName("overall");
        writeRow(g, run.overall());
        g.writeArrayFieldStart("labels");
        for (LabelFigures row : run.labels()) {
            writeRow(g, row);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRow(JsonGenerator g, LabelFigures row) throws IOException {
        g.writeStartArray();
        g.writeString(row.label());
        for (Metric m : Metric.values()) {
            double v = row.get(m);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                g.writeNull();
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                g.writeNumber((long) v); // counts and whole milliseconds without ".0"
            } else {
                g.writeNumber(v);
            }
        }
        g.writeEndArray();
    }

    /**
     * Reads a run object; the parser is on its START_OBJECT and is left on its END_OBJECT.
     *
     * @param text    the whole entry's text the parser reads (label rows are kept as a slice of it)
     * @param columns for each value position of a row, the metric's ordinal, or -1 for a metric this version does
     *                not know
     */
    static RunFigures read(JsonParser p, String text, int[] columns, JsonFactory factory, String source)
            throws IOException, HistoryFormatException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new HistoryFormatException(source + ": a run is not an object");
        }
        String status = null;
        String reason = "";
        LabelFigures overall = null;
        LazyLabelRows labels = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "status" -> status = p.getValueAsString();
                case "statusReason" -> reason = t == JsonToken.VALUE_NULL ? "" : p.getValueAsString();
                case "overall" -> overall = row(p, columns, source);
                case "labels" -> labels = labels(p, text, columns, factory, source);
                default -> p.skipChildren();
            }
        }
        RunStatus runStatus;
        try {
            runStatus = RunStatus.valueOf(String.valueOf(status).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(source + ": unknown run status " + status);
        }
        if (overall == null) {
            throw new HistoryFormatException(source + ": missing field 'overall'");
        }
        return new RunFigures(runStatus, reason, overall,
                labels == null ? new LazyLabelRows(0, List::of) : labels);
    }

    /** Checks the label rows' tokens and keeps their text for decoding when asked. */
    private static LazyLabelRows labels(JsonParser p, String text, int[] columns, JsonFactory factory, String source)
            throws IOException, HistoryFormatException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new HistoryFormatException(source + ": 'labels' is not an array");
        }
        int start = (int) p.currentTokenLocation().getCharOffset();
        int rows = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            checkRow(p, columns, source + " label row " + (rows + 1));
            rows++;
        }
        int end = (int) p.currentLocation().getCharOffset();
        if (start < 0 || end <= start || end > text.length()) {
            throw new HistoryFormatException(source + ": cannot locate the label rows");
        }
        String slice = text.substring(start, end);
        return new LazyLabelRows(rows, () -> decode(slice, columns, factory, source));
    }

    private static List<LabelFigures> decode(String slice, int[] columns, JsonFactory factory, String source) {
        try (JsonParser p = factory.createParser(slice)) {
            p.nextToken();
            List<LabelFigures> rows = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                rows.add(row(p, columns, source));
            }
            return rows;
        } catch (IOException e) { // checked when read: the text has not changed since
            throw new UncheckedIOException(new IOException(source + ": " + e.getMessage(), e));
        }
    }

    /** Checks a row's tokens without converting them; the parser is left on its END_ARRAY. */
    private static void checkRow(JsonParser p, int[] columns, String source) throws IOException,
            HistoryFormatException {
        if (p.currentToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
            throw new HistoryFormatException(source + ": a row is not [\"label\", values...]");
        }
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NULL) {
                throw new HistoryFormatException(source + ": value " + (n + 1) + " is not a number");
            }
            if (t != JsonToken.VALUE_NULL && p.getTextLength() > MAX_NUMBER_CHARS) {
                throw new HistoryFormatException(source + ": value " + (n + 1) + " is " + p.getTextLength()
                        + " characters long, not a figure");
            }
            n++;
        }
        if (n > columns.length) {
            throw new HistoryFormatException(source + ": " + n + " values, more than the " + columns.length
                    + " metrics named");
        }
    }

    /** Decodes a row; the parser is on its START_ARRAY and is left on its END_ARRAY. */
    private static LabelFigures row(JsonParser p, int[] columns, String source) throws IOException,
            HistoryFormatException {
        if (p.currentToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
            throw new HistoryFormatException(source + ": a row is not [\"label\", values...]");
        }
        String label = p.getText();
        double[] values = new double[Metric.values().length];
        Arrays.fill(values, Double.NaN);
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
            if (!number && t != JsonToken.VALUE_NULL) {
                throw new HistoryFormatException(source + " label " + label + ": value " + (i + 1)
                        + " is not a number");
            }
            if (i >= columns.length) {
                throw new HistoryFormatException(source + " label " + label + ": more values than metrics named");
            }
            if (number && columns[i] >= 0) {
                values[columns[i]] = p.getDoubleValue();
            }
        }
        return LabelFigures.ofOrdinals(label, values);
    }
}
