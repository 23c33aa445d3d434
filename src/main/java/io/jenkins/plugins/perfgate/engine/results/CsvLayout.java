package io.jenkins.plugins.perfgate.engine.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The dialect of one CSV result file: delimiter, whether a header line comes first, and where each column JMeter
 * writes sits. Detected from the first line ({@link #detect}).
 *
 * @param delimiter  field delimiter
 * @param hasHeader  whether the first line names the columns
 * @param columns    column names in file order (JMeter's spelling for known ones)
 */
record CsvLayout(char delimiter, boolean hasHeader, List<String> columns) {

    CsvLayout {
        columns = List.copyOf(columns);
    }

    int fieldCount() {
        return columns.size();
    }

    /** Index of a column, or -1 when the file lacks it. */
    int indexOf(String column) {
        return columns.indexOf(column);
    }

    /**
     * Works out the layout from the first physical line of a file.
     *
     * @throws ResultsReadException when the line is neither a JMeter header nor a sample row of a known layout, or
     *                              a required column is missing
     */
    static CsvLayout detect(String file, String firstLine, ReadOptions options) throws ResultsReadException {
        List<Character> candidates = options.delimiter().map(List::of).orElse(ReadOptions.DELIMITERS);
        TimestampParser timestamps = new TimestampParser(options.timestampFormat(), options::zone);
        // a sample row starts with a timestamp; a header with a column name
        for (char d : candidates) {
            List<String> fields = split(firstLine, d);
            if (fields.size() > 1 && timestamps.parseText(fields.get(0)) != Long.MIN_VALUE) {
                return headerless(file, fields.size(), d, options);
            }
        }
        char best = 0;
        int bestKnown = 0;
        List<String> bestFields = List.of();
        for (char d : candidates) {
            List<String> fields = split(firstLine, d);
            int known = 0;
            for (String f : fields) {
                if (JMeterColumns.canonical(f) != null) {
                    known++;
                }
            }
            if (known > bestKnown) {
                best = d;
                bestKnown = known;
                bestFields = fields;
            }
        }
        if (bestKnown == 0) {
            throw new ResultsReadException(file + ": not a JMeter result file: the first line is neither a CSV "
                    + "header naming JMeter columns (timeStamp, elapsed, label, ...) nor a sample row starting with "
                    + "a timestamp: " + abbreviate(firstLine));
        }
        List<String> columns = new ArrayList<>();
        for (String f : bestFields) {
            String c = JMeterColumns.canonical(f);
            columns.add(c == null ? f : c);
        }
        for (String required : JMeterColumns.REQUIRED) {
            if (!columns.contains(required)) {
                throw new ResultsReadException(file + ": missing required column '" + required + "' (header: "
                        + abbreviate(firstLine) + ")");
            }
        }
        return new CsvLayout(best, true, columns);
    }

    private static CsvLayout headerless(String file, int fieldCount, char d, ReadOptions options)
            throws ResultsReadException {
        if (!options.columns().isEmpty()) {
            List<String> columns = new ArrayList<>();
            for (String c : options.columns()) {
                String canonical = JMeterColumns.canonical(c);
                columns.add(canonical == null ? c.trim() : canonical);
            }
            for (String required : JMeterColumns.REQUIRED) {
                if (!columns.contains(required)) {
                    throw new ResultsReadException(file + ": the configured columns lack required column '"
                            + required + "'");
                }
            }
            return new CsvLayout(d, false, columns);
        }
        for (List<String> set : JMeterColumns.DEFAULT_SETS) {
            if (set.size() == fieldCount) {
                return new CsvLayout(d, false, set);
            }
        }
        throw new ResultsReadException(file + ": has no header line and its first row has " + fieldCount
                + " fields, which matches none of JMeter's default column sets (17, 16 or 10 columns); "
                + "give the column order the file was written with (jmeter.save.saveservice.* settings)");
    }

    /** Fields of one line, honouring double quotes (see {@link CsvFields#split}). */
    static List<String> split(String line, char delimiter) {
        return CsvFields.split(line, delimiter);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
