package io.jenkins.plugins.perfgate.engine.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line as JMeter writes it, for the few places that handle single lines as text (the header, the
 * runner's live tail); the reader itself works on bytes ({@link CsvJtlReader}) with the same rules.
 */
public final class CsvFields {

    private CsvFields() {
    }

    /**
     * Fields of one line: a field starting with a double quote may hold delimiters, line breaks and doubled quotes
     * (a quote elsewhere is a plain character).
     */
    public static List<String> split(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(c);
                }
            } else if (c == '"' && sb.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
