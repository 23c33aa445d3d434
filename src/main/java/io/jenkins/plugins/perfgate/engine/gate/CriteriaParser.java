package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the criteria language (reference in docs/gate.md). Criteria are separated by {@code ;} or new lines;
 * {@code #} starts a comment. One criterion:
 *
 * <pre>
 * metric [ '[' scope ']' ] [ 'vs' 'baseline' ] ('&lt;' | '&lt;=' | '&gt;' | '&gt;=') number [unit] [ '=&gt;' severity ]
 * scope    := 'overall' | 'label' ('=' | '~' | '=~') string      (exact, glob, regex)
 * severity := 'fail' | 'unstable' | 'warn'                          (default fail)
 * </pre>
 */
public final class CriteriaParser {

    private final String text;
    private final int number;
    private int pos;

    private CriteriaParser(String text, int number) {
        this.text = text;
        this.number = number;
    }

    /** Parses every criterion of a text; an empty text gives no criteria. */
    public static List<Criterion> parseAll(String criteria) {
        List<Criterion> result = new ArrayList<>();
        int n = 0;
        for (String piece : split(criteria == null ? "" : criteria)) {
            String t = piece.strip();
            if (t.isEmpty()) {
                continue;
            }
            result.add(new CriteriaParser(t, ++n).criterion());
        }
        return result;
    }

    /** Parses exactly one criterion. */
    public static Criterion parse(String criterion) {
        List<Criterion> all = parseAll(criterion);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one criterion, found " + all.size() + " in: " + criterion);
        }
        return all.get(0);
    }

    /** Splits at ';' and line ends outside quotes and drops '#' comments. */
    private static List<String> split(String s) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (comment) {
                if (c == '\n' || c == '\r') {
                    comment = false;
                    pieces.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (c == '#') {
                comment = true;
            } else if (c == ';' || c == '\n' || c == '\r') {
                pieces.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        pieces.add(cur.toString());
        return pieces;
    }

    private CriteriaException error(int at, String reason) {
        return new CriteriaException(number, text, Math.min(at, text.length()), reason);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        skipSpaces();
        return pos >= text.length();
    }

    private boolean lookingAt(String s) {
        skipSpaces();
        return text.regionMatches(true, pos, s, 0, s.length());
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_.%/".indexOf(
                text.charAt(pos)) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Criterion criterion() {
        int metricAt = pos;
        String name = word();
        if (name.isEmpty()) {
            throw error(metricAt, "expected a metric name (p95, mean, error%, rps, ...)");
        }
        Metric metric = Metric.byName(name).orElseThrow(() -> error(metricAt, "unknown metric '" + name
                + "' (known: " + knownMetrics() + ")"));
        Scope scope = new Scope.Overall();
        if (lookingAt("[")) {
            pos++;
            scope = scope();
            if (!lookingAt("]")) {
                throw error(pos, "expected ']' to close the scope");
            }
            pos++;
        }
        boolean vsBaseline = false;
        if (lookingAt("vs") && (pos + 2 >= text.length() || Character.isWhitespace(text.charAt(pos + 2)))) {
            pos += 2;
            skipSpaces();
            int baseAt = pos;
            if (!word().equalsIgnoreCase("baseline")) {
                throw error(baseAt, "expected 'baseline' after 'vs'");
            }
            vsBaseline = true;
        }
        Criterion.Operator op = operator();
        skipSpaces();
        int numberAt = pos;
        double value = number();
        skipSpaces();
        int unitAt = pos;
        String unit = unit();
        Criterion.Kind kind;
        double threshold;
        if (vsBaseline && unit.equals("%")) {
            kind = Criterion.Kind.RELATIVE;
            threshold = value / 100.0;
            if (threshold <= -1 && op.upperBound()) {
                throw error(numberAt, "a change below -100 % is impossible");
            }
        } else {
            kind = vsBaseline ? Criterion.Kind.DELTA : Criterion.Kind.ABSOLUTE;
            threshold = value * unitFactor(metric, unit, unitAt, vsBaseline);
            if (!vsBaseline) {
                checkRange(metric, threshold, numberAt);
            }
        }
        Severity severity = Severity.FAIL;
        if (lookingAt("=>")) {
            pos += 2;
            skipSpaces();
            int sevAt = pos;
            String s = word().toLowerCase(Locale.ROOT);
            severity = switch (s) {
                case "fail", "failure", "error" -> Severity.FAIL;
                case "unstable" -> Severity.UNSTABLE;
                case "warn", "warning" -> Severity.WARN;
                default -> throw error(sevAt, "expected a severity: fail, unstable or warn");
            };
        }
        if (!atEnd()) {
            throw error(pos, "unexpected text '" + text.substring(pos) + "'");
        }
        return new Criterion(text, metric, scope, kind, op, threshold, severity);
    }

    private Scope scope() {
        skipSpaces();
        int at = pos;
        String w = word().toLowerCase(Locale.ROOT);
        if (w.equals("overall") || w.equals("total")) {
            return new Scope.Overall();
        }
        if (!w.equals("label")) {
            throw error(at, "expected 'overall' or label=\"name\", label~\"glob*\", label=~\"regex\"");
        }
        skipSpaces();
        int opAt = pos;
        String matchOp;
        if (lookingAt("=~")) {
            matchOp = "=~";
        } else if (lookingAt("~")) {
            matchOp = "~";
        } else if (lookingAt("=")) {
            matchOp = "=";
        } else {
            throw error(opAt, "expected '=' (exact), '~' (glob) or '=~' (regex) after 'label'");
        }
        pos += matchOp.length();
        skipSpaces();
        int valueAt = pos;
        String value = quotedOrBare();
        if (value.isEmpty()) {
            throw error(valueAt, "expected a label name or pattern");
        }
        return switch (matchOp) {
            case "=" -> new Scope.Exact(value);
            case "~" -> new Scope.Glob(value);
            default -> {
                try {
                    yield new Scope.Regex(Pattern.compile(value));
                } catch (PatternSyntaxException e) {
                    throw error(valueAt + 1 + Math.max(0, Math.min(e.getIndex(), value.length() - 1)), "invalid regular expression: "
                            + e.getDescription());
                }
            }
        };
    }

    private String quotedOrBare() {
        if (pos >= text.length()) {
            return "";
        }
        char q = text.charAt(pos);
        StringBuilder sb = new StringBuilder();
        if (q == '"' || q == '\'') {
            int start = pos;
            pos++;
            while (pos < text.length() && text.charAt(pos) != q) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == q
                        || text.charAt(pos + 1) == '\\')) {
                    // only the quote and the backslash itself are escaped; regex escapes pass through
                    pos++;
                    c = text.charAt(pos);
                }
                sb.append(c);
                pos++;
            }
            if (pos >= text.length()) {
                throw error(start, "unterminated string");
            }
            pos++;
            return sb.toString();
        }
        while (pos < text.length() && text.charAt(pos) != ']' && !Character.isWhitespace(text.charAt(pos))) {
            sb.append(text.charAt(pos++));
        }
        return sb.toString();
    }

    private Criterion.Operator operator() {
        skipSpaces();
        int at = pos;
        for (String s : new String[] {"<=", ">=", "<", ">"}) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                return switch (s) {
                    case "<=" -> Criterion.Operator.LE;
                    case ">=" -> Criterion.Operator.GE;
                    case "<" -> Criterion.Operator.LT;
                    default -> Criterion.Operator.GT;
                };
            }
        }
        throw error(at, "expected a comparison: <, <=, > or >=");
    }

    private double number() {
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String n = text.substring(start, pos);
        try {
            if (pos == digits) {
                throw new NumberFormatException();
            }
            double v = Double.parseDouble(n);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            pos = start;
            throw error(start, "expected a number");
        }
    }

    private String unit() {
        int start = pos;
        while (pos < text.length() && (Character.isLetter(text.charAt(pos)) || "%/".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private double unitFactor(Metric metric, String unit, int at, boolean vsBaseline) {
        String u = unit.toLowerCase(Locale.ROOT);
        Optional<Double> f = switch (metric.unit()) {
            case MILLIS -> switch (u) {
                case "", "ms" -> Optional.of(1.0);
                case "s" -> Optional.of(1000.0);
                case "m", "min" -> Optional.of(60_000.0);
                case "h" -> Optional.of(3_600_000.0);
                default -> Optional.empty();
            };
            case PERCENT -> switch (u) {
                // in a baseline criterion '%' means relative; percentage points are written bare or as 'pp'
                case "", "pp" -> Optional.of(1.0);
                case "%" -> vsBaseline ? Optional.empty() : Optional.of(1.0);
                default -> Optional.empty();
            };
            case PER_SECOND -> u.isEmpty() || u.equals("/s") ? Optional.of(1.0) : Optional.empty();
            case BYTES_PER_SECOND -> switch (u) {
                case "", "b/s" -> Optional.of(1.0);
                case "kb/s" -> Optional.of(1e3);
                case "mb/s" -> Optional.of(1e6);
                case "gb/s" -> Optional.of(1e9);
                default -> Optional.empty();
            };
            case COUNT, SCORE -> u.isEmpty() ? Optional.of(1.0) : Optional.empty();
        };
        return f.orElseThrow(() -> error(at, unit.isEmpty() ? "missing unit" : "unit '" + unit + "' does not fit "
                + metric.key() + " (" + allowedUnits(metric, vsBaseline) + ")"));
    }

    private static String allowedUnits(Metric metric, boolean vsBaseline) {
        String rel = vsBaseline ? ", or % for a relative change" : "";
        return switch (metric.unit()) {
            case MILLIS -> "use ms, s, min or h" + rel;
            case PERCENT -> "use a bare number or %" + rel;
            case PER_SECOND -> "use a bare number or /s" + rel;
            case BYTES_PER_SECOND -> "use B/s, KB/s, MB/s or GB/s" + rel;
            case COUNT, SCORE -> "use a bare number" + rel;
        };
    }

    private void checkRange(Metric metric, double threshold, int at) {
        if (threshold < 0) {
            throw error(at, metric.key() + " is never negative");
        }
        if (metric.unit() == Metric.Unit.PERCENT && threshold > 100) {
            throw error(at, metric.key() + " is a percentage (0 to 100)");
        }
        if (metric.unit() == Metric.Unit.SCORE && threshold > 1) {
            throw error(at, metric.key() + " is a score between 0 and 1");
        }
    }

    private static String knownMetrics() {
        StringBuilder sb = new StringBuilder();
        for (Metric m : Metric.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(m.key());
        }
        return sb.toString();
    }
}
