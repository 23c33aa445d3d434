package io.jenkins.plugins.perfgate.engine.results;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How result files are read. Immutable; the defaults read anything JMeter writes with its default settings.
 *
 * @param columns         column order of CSV files without a header line; empty: JMeter's default column set
 *                        matching the field count (5.x, 3.1-4.0 or 2.x defaults)
 * @param delimiter       CSV delimiter; empty: detected (one of {@code , \t ; |})
 * @param timestampFormat {@code jmeter.save.saveservice.timestamp_format} the files were written with (a
 *                        {@link java.time.format.DateTimeFormatter} pattern such as {@code yyyy/MM/dd HH:mm:ss.SSS});
 *                        empty: epoch milliseconds, or one of JMeter's own fallback formats
 * @param zone            time zone of formatted timestamps without an offset (JMeter writes local time); null in
 *                        {@link #defaults()}: this machine's, which {@link #zone()} looks up when first asked
 *                        (the time zone database costs a cold process ~10 ms, and most files have none)
 * @param subResults      how nested XML sub-results count
 * @param maxProblems     problems reported per file (more are only counted)
 */
public record ReadOptions(
        List<String> columns,
        Optional<Character> delimiter,
        Optional<String> timestampFormat,
        ZoneId zone,
        SubResultMode subResults,
        int maxProblems) {

    /** Delimiters JMeter users pick; detection tries them in this order. */
    public static final List<Character> DELIMITERS = List.of(',', '\t', ';', '|');

    public ReadOptions {
        columns = List.copyOf(columns);
        Objects.requireNonNull(delimiter);
        Objects.requireNonNull(timestampFormat);
        Objects.requireNonNull(subResults);
        if (delimiter.isPresent() && (delimiter.get() == '"' || delimiter.get() == '\n' || delimiter.get() == '\r'
                || delimiter.get() > 0x7f)) {
            throw new IllegalArgumentException("delimiter must be a single ASCII character other than quote and "
                    + "line breaks, was " + delimiter.get());
        }
        if (maxProblems < 0 || maxProblems > 10_000) {
            throw new IllegalArgumentException("maxProblems must be between 0 and 10000, was " + maxProblems);
        }
        for (String c : columns) {
            if (c.isBlank()) {
                throw new IllegalArgumentException("empty column name in " + columns);
            }
        }
        timestampFormat.ifPresent(TimestampParser::validatePattern);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(List.of(), Optional.empty(), Optional.empty(), null, SubResultMode.AS_ROWS, 20);
    }

    /** The zone of formatted timestamps: the one set, else this machine's (looked up at each call). */
    @Override
    public ZoneId zone() {
        return zone != null ? zone : ZoneId.systemDefault();
    }

    public ReadOptions withColumns(List<String> newColumns) {
        return new ReadOptions(newColumns, delimiter, timestampFormat, zone, subResults, maxProblems);
    }

    public ReadOptions withDelimiter(char c) {
        return new ReadOptions(columns, Optional.of(c), timestampFormat, zone, subResults, maxProblems);
    }

    public ReadOptions withTimestampFormat(String pattern) {
        return new ReadOptions(columns, delimiter, Optional.ofNullable(pattern), zone, subResults, maxProblems);
    }

    public ReadOptions withZone(ZoneId newZone) {
        Objects.requireNonNull(newZone);
        return new ReadOptions(columns, delimiter, timestampFormat, newZone, subResults, maxProblems);
    }

    public ReadOptions withSubResults(SubResultMode mode) {
        return new ReadOptions(columns, delimiter, timestampFormat, zone, mode, maxProblems);
    }

    public ReadOptions withMaxProblems(int n) {
        return new ReadOptions(columns, delimiter, timestampFormat, zone, subResults, n);
    }
}
