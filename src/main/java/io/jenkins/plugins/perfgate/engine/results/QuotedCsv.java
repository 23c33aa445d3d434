package io.jenkins.plugins.perfgate.engine.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CSV line as Go's {@code encoding/csv} (k6) and Python's {@code csv} module (Locust) write them: fields
 * holding a comma or a quote are quoted, quotes doubled inside. A field holding a line break would span lines;
 * neither tool writes one in the columns perfgate reads (labels are URLs or names).
 */
final class QuotedCsv {

    private QuotedCsv() {
    }

    /** The fields of one line; null when a quote is not closed. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        if (line == null) {
            return out;
        }
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                field.append(line, i, end);
                i = end;
            }
            out.add(field.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }
}
