package io.jenkins.plugins.perfgate.engine.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads k6's {@code --out json} file: one JSON object per line, {@code {"type":"Metric"|"Point","data":{...},
 * "metric":...}}. Each {@code Point} of {@code http_req_duration} is one sample (see {@link K6Samples}), its
 * {@code data} holding {@code time} (RFC 3339), {@code value} and {@code tags}; points of {@code vus} give the active
 * virtual users. A line that is not such an object is reported with its number and skipped. Not thread-safe.
 */
final class K6JsonReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final ToolSamples out;
    private final K6Samples k6 = new K6Samples();

    K6JsonReader(ToolSamples out) {
        this.out = out;
    }

    /** One line's fields that matter. */
    private static final class Point {
        String type = "";
        String metric = "";
        String time = "";
        double value = Double.NaN;
        String name = "";
        String url = "";
        String status = "";
        String expected = "";
        String error = "";
    }

    long read(InputStream in) throws IOException {
        NumberedLines lines = new NumberedLines(in);
        while (lines.advance()) {
            if (lines.line().isBlank()) {
                continue;
            }
            String why = line(lines.line());
            if (why != null) {
                out.problem(lines, "", why);
            }
        }
        return out.finish();
    }

    private String line(String line) {
        Point p = new Point();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return "expected a JSON object {\"type\":...,\"data\":...,\"metric\":...}";
            }
            readObject(json, p, 0);
            if (json.nextToken() != null) {
                return "expected one JSON object per line, found more after it";
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "not valid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            return "not valid JSON: " + e.getMessage();
        }
        if (!p.type.equals("Point") && !p.type.equals("Metric")) {
            return "expected \"type\" Metric or Point, found '" + p.type + "'";
        }
        boolean request = p.metric.equals(K6Samples.DURATION);
        if (!p.type.equals("Point") || !(request || p.metric.equals("vus"))) {
            return null;
        }
        long time = K6Samples.millis(p.time);
        if (time == Long.MIN_VALUE) {
            return "data.time: expected an RFC 3339 time, found '" + p.time + "'";
        }
        if (Double.isNaN(p.value) || p.value < 0 || Double.isInfinite(p.value)) {
            return "data.value: expected a non-negative number";
        }
        if (!request) {
            out.active((int) Math.min(Integer.MAX_VALUE, p.value));
            return null;
        }
        out.accept(k6.sample(time, p.value, p.name, p.url, p.status, p.expected, p.error, out.active()));
        return null;
    }

    /** Reads the object the parser is at; depth 0 the line, 1 {@code data}, 2 {@code tags}. */
    private static void readObject(JsonParser json, Point p, int depth) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken t = json.nextToken();
            if (t == JsonToken.START_OBJECT) {
                if ((depth == 0 && field.equals("data")) || (depth == 1 && field.equals("tags"))) {
                    readObject(json, p, depth + 1);
                } else {
                    json.skipChildren();
                }
                continue;
            }
            if (t == JsonToken.START_ARRAY) {
                json.skipChildren();
                continue;
            }
            String text = t == JsonToken.VALUE_NULL ? "" : json.getText();
            switch (depth) {
                case 0 -> {
                    if (field.equals("type")) {
                        p.type = text;
                    } else if (field.equals("metric")) {
                        p.metric = text;
                    }
                }
                case 1 -> {
                    if (field.equals("time")) {
                        p.time = text;
                    } else if (field.equals("value") && t.isNumeric()) {
                        p.value = json.getDoubleValue();
                    }
                }
                default -> {
                    switch (field) {
                        case "name" -> p.name = text;
                        case "url" -> p.url = text;
                        case "status" -> p.status = text;
                        case "expected_response" -> p.expected = text;
                        case "error" -> p.error = text;
                        default -> {
                        }
                    }
                }
            }
        }
    }
}
