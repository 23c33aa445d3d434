package io.jenkins.plugins.perfgate.engine.results;

/**
 * The figures of one {@code <httpSample>}/{@code <sample>} element of an XML result file while it is open, taken
 * from its attributes as {@link XmlScanner} reads them: numbers and plain texts parsed in the scanner's buffer, the
 * others from their decoded text. An attribute that is missing or cannot be read makes the sample invalid, naming
 * the first such attribute in a fixed order (ts, t, lb, s, by, sby, na, lt, ct). Reused from sample to sample.
 */
final class XmlSampleFields {

    static final int T = 0;
    static final int LT = 1;
    static final int CT = 2;
    static final int TS = 3;
    static final int S = 4;
    static final int LB = 5;
    static final int RC = 6;
    static final int RM = 7;
    static final int TN = 8;
    static final int BY = 9;
    static final int SBY = 10;
    static final int NA = 11;
    private static final String[] NAMES = {"t", "lt", "ct", "ts", "s", "lb", "rc", "rm", "tn", "by", "sby", "na"};
    /** The order in which a sample's problems are looked for: the first one is reported. */
    private static final int[] CHECK_ORDER = {TS, T, LB, S, BY, SBY, NA, LT, CT};

    /** Whether the thread name is kept (the aggregation never looks at it). */
    private final boolean threadNames;

    long line;
    int depth;
    private int seen;
    private final String[] problems = new String[NAMES.length];
    private boolean anyProblem;
    String invalidField;
    String invalidReason;

    long timeStamp;
    final long[] numbers = new long[NAMES.length];
    String label;
    long labelLength;
    String code;
    long codeLength;
    String message;
    long messageLength;
    String thread;
    long threadLength;
    private int successFlag; // -1 not given, 0 false, 1 true
    boolean success;
    String failureMessage;
    long failureLength;

    XmlSampleFields(boolean threadNames) {
        this.threadNames = threadNames;
    }

    void reset(long line, int depth) {
        this.line = line;
        this.depth = depth;
        seen = 0;
        if (anyProblem) {
            java.util.Arrays.fill(problems, null);
            anyProblem = false;
        }
        invalidField = null;
        invalidReason = null;
        java.util.Arrays.fill(numbers, 0);
        label = null;
        code = "";
        message = "";
        thread = "";
        labelLength = 0;
        codeLength = 0;
        messageLength = 0;
        threadLength = 0;
        successFlag = -1;
        failureMessage = "";
        failureLength = 0;
    }

    /** The attribute's id ({@link #T} ...), or -1 for one perfgate does not read. */
    static int id(byte[] b, int from, int length) {
        byte b0 = b[from];
        if (length == 1) {
            return b0 == 't' ? T : b0 == 's' ? S : -1;
        }
        if (length == 3) {
            return b0 == 's' && b[from + 1] == 'b' && b[from + 2] == 'y' ? SBY : -1;
        }
        if (length != 2) {
            return -1;
        }
        byte b1 = b[from + 1];
        return switch (b0) {
            case 'l' -> b1 == 't' ? LT : b1 == 'b' ? LB : -1;
            case 'c' -> b1 == 't' ? CT : -1;
            case 't' -> b1 == 's' ? TS : b1 == 'n' ? TN : -1;
            case 'r' -> b1 == 'c' ? RC : b1 == 'm' ? RM : -1;
            case 'b' -> b1 == 'y' ? BY : -1;
            case 'n' -> b1 == 'a' ? NA : -1;
            default -> -1;
        };
    }

    /** Takes the value the scanner has just read for attribute {@code id}. */
    void set(int id, XmlScanner sc, StringCache cache, TimestampParser timestamps) throws XmlError {
        if ((seen & (1 << id)) != 0) {
            throw sc.error("attribute " + NAMES[id] + " appears twice in one element");
        }
        seen |= 1 << id;
        boolean inBuffer = sc.valueText == null;
        byte[] b = sc.buf;
        int from = sc.valueFrom;
        int to = sc.valueTo;
        switch (id) {
            case TS -> {
                timeStamp = inBuffer ? timestamps.parse(b, from, to) : timestamps.parseText(sc.valueText);
                if (timeStamp == Long.MIN_VALUE) {
                    problem(TS, "not a timestamp: '" + shortened(text(sc)) + "'");
                }
            }
            case S -> {
                if (inBuffer && isWord(b, from, to, "true")) {
                    successFlag = 1;
                } else if (inBuffer && isWord(b, from, to, "false")) {
                    successFlag = 0;
                } else if (!inBuffer && ("true".equalsIgnoreCase(sc.valueText)
                        || "false".equalsIgnoreCase(sc.valueText))) {
                    successFlag = "true".equalsIgnoreCase(sc.valueText) ? 1 : 0;
                } else {
                    problem(S, "not true or false: '" + shortened(text(sc)) + "'");
                }
            }
            case LB -> {
                label = inBuffer ? cache.get(b, from, to) : sc.valueText;
                labelLength = inBuffer ? label.length() : sc.valueLength;
            }
            case RC -> {
                code = inBuffer ? cache.get(b, from, to) : sc.valueText;
                codeLength = inBuffer ? code.length() : sc.valueLength;
            }
            case RM -> {
                message = inBuffer ? cache.get(b, from, to) : sc.valueText;
                messageLength = inBuffer ? message.length() : sc.valueLength;
            }
            case TN -> {
                if (threadNames) {
                    thread = inBuffer ? cache.get(b, from, to) : sc.valueText;
                    threadLength = inBuffer ? thread.length() : sc.valueLength;
                }
            }
            default -> {
                long v = inBuffer ? Digits.parse(b, from, to) : Digits.INVALID;
                numbers[id] = v != Digits.INVALID ? v : number(id, text(sc));
            }
        }
    }

    /** Checks what was given once the start tag is read: the sample is then either valid or names its problem. */
    void finish() {
        if ((seen & (1 << TS)) == 0) {
            problem(TS, "missing");
        }
        if ((seen & (1 << T)) == 0) {
            problem(T, "missing");
        }
        if (label == null) {
            problem(LB, "missing");
        }
        if (successFlag < 0) {
            success = !(code.startsWith("4") || code.startsWith("5") || code.startsWith("Non HTTP"));
        } else {
            success = successFlag == 1;
        }
        if (anyProblem) {
            for (int id : CHECK_ORDER) {
                if (problems[id] != null) {
                    invalidField = NAMES[id];
                    invalidReason = problems[id];
                    return;
                }
            }
        }
    }

    /** Whether {@code b[from..to)} is the lower-case ASCII {@code word} in any case (no String per sample). */
    private static boolean isWord(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((b[from + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long number(int id, String v) {
        if (v.isEmpty()) {
            if (id == T) {
                problem(T, "missing");
            }
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            problem(id, "not a number: '" + shortened(v) + "'");
            return 0;
        }
    }

    private void problem(int id, String reason) {
        if (problems[id] == null) {
            problems[id] = reason;
            anyProblem = true;
        }
    }

    private static String text(XmlScanner sc) {
        return sc.valueText != null ? sc.valueText
                : new String(sc.buf, sc.valueFrom, sc.valueTo - sc.valueFrom, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String shortened(String v) {
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
