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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

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
 * Reading checks every token of the label rows (a label, then numbers or nulls) and keeps each row's label and
 * where its text starts, but decodes no value: the rows become {@link LazyLabelRows}, each decoded from its text when
 * first looked up. A trend of the overall row over 1,000 builds thus decodes no label row, and a label's trend
 * decodes that label's row of each build only.
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
        List<LabelFigures> labels = List.of();
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
        return new RunFigures(runStatus, reason, overall, labels);
    }

    /**
     * Checks the label rows' tokens and keeps their text, each row decoded when asked; rows out of label order (not
     * written by perfgate) are decoded at once and sorted.
     */
    private static List<LabelFigures> labels(JsonParser p, String text, int[] columns, JsonFactory factory,
            String source) throws IOException, HistoryFormatException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new HistoryFormatException(source + ": 'labels' is not an array");
        }
        int base = (int) p.currentTokenLocation().getCharOffset();
        String[] names = new String[8];
        int[] starts = new int[9];
        int rows = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (rows == names.length) {
                names = Arrays.copyOf(names, rows * 2);
                starts = Arrays.copyOf(starts, rows * 2 + 1);
            }
            starts[rows] = (int) p.currentTokenLocation().getCharOffset() - base;
            names[rows] = checkRow(p, columns, source + " label row " + (rows + 1));
            rows++;
        }
        int end = (int) p.currentLocation().getCharOffset();
        if (base < 0 || end <= base || end > text.length()) {
            throw new HistoryFormatException(source + ": cannot locate the label rows");
        }
        // kept as UTF-8 (a byte a character for most labels), each row decoded from where it starts
        String slice = text.substring(base, end);
        byte[] utf8 = slice.getBytes(StandardCharsets.UTF_8);
        int[] at = utf8Offsets(slice, starts, rows);
        IntFunction<LabelFigures> decoder = i -> decode(utf8, at[i], factory, columns, source);
        if (!LazyLabelRows.sorted(names, rows)) {
            List<LabelFigures> all = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                all.add(decoder.apply(i));
            }
            return all;
        }
        return new LazyLabelRows(Arrays.copyOf(names, rows), decoder);
    }

    /** The UTF-8 byte offsets of the given (ascending) character offsets of a text. */
    private static int[] utf8Offsets(String text, int[] charOffsets, int n) {
        int[] bytes = new int[n];
        int b = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (; c < charOffsets[i]; c++) {
                char ch = text.charAt(c);
                b += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
            }
            bytes[i] = b;
        }
        return bytes;
    }

    /** Decodes the row that starts at {@code offset} of the label rows' UTF-8 text. */
    private static LabelFigures decode(byte[] utf8, int offset, JsonFactory factory, int[] columns, String source) {
        try (JsonParser p = factory.createParser(utf8, offset, utf8.length - offset)) {
            p.nextToken();
            return row(p, columns, source);
        } catch (IOException e) { // checked when read: the text has not changed since
            throw new UncheckedIOException(new IOException(source + ": " + e.getMessage(), e));
        }
    }

    /** Checks a row's tokens without converting its values; returns its label; leaves the parser on END_ARRAY. */
    private static String checkRow(JsonParser p, int[] columns, String source) throws IOException,
            HistoryFormatException {
        if (p.currentToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
            throw new HistoryFormatException(source + ": a row is not [\"label\", values...]");
        }
        String label = p.getText();
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
        return label;
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
