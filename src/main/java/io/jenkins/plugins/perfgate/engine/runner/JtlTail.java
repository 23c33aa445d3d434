package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.results.CsvFields;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a JMeter CSV result file while JMeter appends to it, handing over each complete new row, for live progress
 * only (the summary reads the finished files with the results engine). Only whole lines are consumed (a row cut by
 * JMeter's block-wise writing waits for its end); quoted fields may span lines.
 */
public final class JtlTail {

    /**
     * The fields live progress and live metrics need from one row.
     *
     * @param label           sampler label (empty when the file has no such column)
     * @param responseMessage response message: marks Transaction Controller parents (empty when absent)
     */
    public record Row(long timeStamp, long elapsed, boolean success, int allThreads, String threadName, String label,
            String responseMessage) {
    }

    private static final int MAX_READ = 4 * 1024 * 1024;

    private final ResultFile file;
    private long offset;
    private byte[] carry = new byte[0];
    private final StringBuilder record = new StringBuilder();
    private int[] columns;
    private long malformed;

    public JtlTail(ResultFile file) {
        this.file = file;
    }

    public ResultFile file() {
        return file;
    }

    /** Rows that could not be read (not counted in progress). */
    public long malformed() {
        return malformed;
    }

    /** Reads what was appended since the last call. */
    public List<Row> poll() throws IOException {
        List<Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(file.path())) {
            return rows;
        }
        byte[] fresh;
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "r")) {
            long len = raf.length();
            if (len <= offset) {
                return rows;
            }
            int n = (int) Math.min(MAX_READ, len - offset);
            fresh = new byte[n];
            raf.seek(offset);
            raf.readFully(fresh);
            offset += n;
        }
        byte[] all = new byte[carry.length + fresh.length];
        System.arraycopy(carry, 0, all, 0, carry.length);
        System.arraycopy(fresh, 0, all, carry.length, fresh.length);
        int lastNewline = -1;
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            carry = all;
            return rows;
        }
        String text = new String(all, 0, lastNewline + 1, StandardCharsets.UTF_8);
        carry = java.util.Arrays.copyOfRange(all, lastNewline + 1, all.length);
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            String line = text.substring(start, end);
            start = newline + 1;
            if (record.length() == 0 && line.indexOf('"') < 0) {
                handle(line, rows);
                continue;
            }
            record.append(line);
            if (quotes(record) % 2 == 0) {
                handle(record.toString(), rows);
                record.setLength(0);
            } else {
                record.append('\n');
            }
        }
        return rows;
    }

    private void handle(String line, List<Row> rows) {
        if (line.isEmpty()) {
            return;
        }
        List<String> fields = split(line);
        if (columns == null) {
            if (!fields.contains("timeStamp")) {
                // perfgate always asks for a header; a file without one is not followed live
                columns = new int[] {-1};
                return;
            }
            columns = new int[] {fields.indexOf("timeStamp"), fields.indexOf("elapsed"), fields.indexOf("success"),
                fields.indexOf("allThreads"), fields.indexOf("threadName"), fields.indexOf("label"),
                fields.indexOf("responseMessage")};
            return;
        }
        if (columns[0] < 0) {
            return;
        }
        try {
            String[] f = line.indexOf('"') < 0 ? pick(line, columns) : pick(split(line), columns);
            rows.add(new Row(Long.parseLong(f[0]), Long.parseLong(f[1]), Boolean.parseBoolean(f[2]),
                    f[3] == null ? 0 : Integer.parseInt(f[3]), f[4] == null ? "" : f[4], f[5] == null ? "" : f[5],
                    f[6] == null ? "" : f[6]));
        } catch (RuntimeException e) {
            malformed++;
        }
    }

    /** The wanted columns of an unquoted line, without splitting the others (the common, fast case). */
    private static String[] pick(String line, int[] wanted) {
        String[] out = new String[wanted.length];
        int column = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                for (int w = 0; w < wanted.length; w++) {
                    if (wanted[w] == column) {
                        out[w] = line.substring(start, i);
                    }
                }
                column++;
                start = i + 1;
            }
        }
        return out;
    }

    private static String[] pick(List<String> fields, int[] wanted) {
        String[] out = new String[wanted.length];
        for (int w = 0; w < wanted.length; w++) {
            out[w] = wanted[w] >= 0 && wanted[w] < fields.size() ? fields.get(wanted[w]) : null;
        }
        return out;
    }

    /** Double quotes in a text: an odd count means a quoted field goes on in the next line. */
    static int quotes(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** Splits one CSV record with JMeter's quoting, as the results engine does. */
    static List<String> split(String line) {
        return CsvFields.split(line, ',');
    }
}
