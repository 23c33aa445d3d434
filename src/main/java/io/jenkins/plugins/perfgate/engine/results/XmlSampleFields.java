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
    /** The numbers, zero when not given. */
    private static final int NUMBERS = 1 << T | 1 << LT | 1 << CT | 1 << BY | 1 << SBY | 1 << NA;

    /** What {@link #knownId} returns for an attribute JMeter writes that perfgate does not read. */
    static final int IGNORED = NAMES.length;
    /** JMeter's other sample attributes (its {@code SampleSaveConfiguration}): known, not read. */
    private static final String[] OTHER_NAMES = {"it", "dt", "de", "ec", "sc", "ng", "hn", "varname"};
    /** Known names as words (first byte lowest) in a table without collisions, and their ids. */
    private static final int KNOWN_SLOTS = 64;
    private static final long[] KNOWN_WORDS = new long[KNOWN_SLOTS];
    private static final int[] KNOWN_IDS = new int[KNOWN_SLOTS];
    private static final long KNOWN_MULTIPLIER;

    static {
        // the first odd multiplier of a fixed sequence that puts every known name in a slot of its own
        long m = 0x9E3779B97F4A7C15L;
        while (!placeKnown(m)) {
            m += 0x6A09E667F3BCC909L * 2;
        }
        KNOWN_MULTIPLIER = m;
    }

    private static boolean placeKnown(long multiplier) {
        java.util.Arrays.fill(KNOWN_WORDS, 0);
        java.util.Arrays.fill(KNOWN_IDS, -1);
        for (int id = 0; id < NAMES.length + OTHER_NAMES.length; id++) {
            String name = id < NAMES.length ? NAMES[id] : OTHER_NAMES[id - NAMES.length];
            long word = JtlWords.word(name);
            int slot = (int) ((word * multiplier) >>> 58);
            if (KNOWN_WORDS[slot] != 0) {
                return false;
            }
            KNOWN_WORDS[slot] = word;
            KNOWN_IDS[slot] = Math.min(id, IGNORED);
        }
        return true;
    }

    /**
     * The id ({@link #T} ..., {@link #IGNORED}) of the attribute whose name of up to seven bytes is {@code word}
     * (the first byte lowest, zero-padded, as {@link XmlScanner#shortName}), or -1 when it is none of JMeter's
     * sample attributes: a hash and one compare instead of comparing bytes.
     */
    static int knownId(long word) {
        int slot = (int) ((word * KNOWN_MULTIPLIER) >>> 58);
        return KNOWN_WORDS[slot] == word ? KNOWN_IDS[slot] : -1;
    }

    /** The length of a name {@link #knownId} knows, from its word. */
    static int knownLength(long word) {
        return (71 - Long.numberOfLeadingZeros(word)) >>> 3;
    }

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
    /** The cache's number of the label ({@link StringCache#lastNumber}), -1 when it has none. */
    int labelNumber;
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
    /** The last response code read in the buffer, as a word, its length and its text ({@link #code}). */
    private long lastCodeWord;
    private int lastCodeLength = -1;
    private String lastCode;

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
        label = null;
        labelNumber = -1;
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

    /** Whether attribute {@code id} is a number (the timestamp included). */
    static boolean isNumber(int id) {
        return id < IGNORED && ((NUMBERS | 1 << TS) & 1 << id) != 0;
    }

    /** Takes a number ({@link #isNumber}) or success flag (1 true, 0 false) read in place for attribute {@code id}. */
    void setParsed(int id, long value, XmlScanner sc) throws XmlError {
        given(id, sc);
        if (id == TS) {
            timeStamp = value;
        } else if (id == S) {
            successFlag = (int) value;
        } else {
            numbers[id] = value;
        }
    }

    private void given(int id, XmlScanner sc) throws XmlError {
        int bit = 1 << id;
        if ((seen & bit) != 0) {
            throw sc.error("attribute " + NAMES[id] + " appears twice in one element");
        }
        seen |= bit;
    }

    /** Takes the value the scanner has just read for attribute {@code id}. */
    void set(int id, XmlScanner sc, StringCache cache, TimestampParser timestamps) throws XmlError {
        given(id, sc);
        if (sc.valueText != null) {
            setDecoded(id, sc, cache, timestamps);
            return;
        }
        byte[] b = sc.buf;
        int from = sc.valueFrom;
        int to = sc.valueTo;
        switch (id) {
            case TS -> {
                timeStamp = timestamps.parse(b, from, to);
                if (timeStamp == Long.MIN_VALUE) {
                    problem(TS, "not a timestamp: '" + shortened(text(sc)) + "'");
                }
            }
            case S -> {
                successFlag = successFlag(b, from, to);
                if (successFlag < 0) {
                    problem(S, "not true or false: '" + shortened(text(sc)) + "'");
                }
            }
            case LB -> {
                label = cache.get(b, from, to);
                labelNumber = cache.lastNumber();
                labelLength = label.length();
            }
            case RC -> {
                code = code(b, from, to, cache);
                codeLength = code.length();
            }
            case RM -> {
                // the aggregation needs the message of a failed sample and of a Transaction Controller parent only
                // (FieldSink): a successful sample's short message (no cut to note) is not looked up
                message = successFlag == 1 && !threadNames && to - from <= TextCaps.MAX_TEXT_CHARS
                        && !mayBeTransactionMessage(b, from, to) ? "" : cache.get(b, from, to);
                messageLength = message.length();
            }
            case TN -> {
                if (threadNames) {
                    thread = cache.get(b, from, to);
                    threadLength = thread.length();
                }
            }
            default -> {
                long v = Digits.upToEight(b, from, to);
                if (v == Digits.INVALID) {
                    v = Digits.parse(b, from, to);
                }
                numbers[id] = v != Digits.INVALID ? v : number(id, text(sc));
            }
        }
    }

    /** As {@link #set}, for a value the scanner decoded (references, line breaks, a very long value). */
    private void setDecoded(int id, XmlScanner sc, StringCache cache, TimestampParser timestamps) {
        String v = sc.valueText;
        switch (id) {
            case TS -> {
                timeStamp = timestamps.parseText(v);
                if (timeStamp == Long.MIN_VALUE) {
                    problem(TS, "not a timestamp: '" + shortened(v) + "'");
                }
            }
            case S -> {
                if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
                    successFlag = "true".equalsIgnoreCase(v) ? 1 : 0;
                } else {
                    problem(S, "not true or false: '" + shortened(v) + "'");
                }
            }
            case LB -> {
                label = v;
                labelNumber = -1;
                labelLength = sc.valueLength;
            }
            case RC -> {
                code = v;
                codeLength = sc.valueLength;
            }
            case RM -> {
                message = v;
                messageLength = sc.valueLength;
            }
            case TN -> {
                if (threadNames) {
                    thread = v;
                    threadLength = sc.valueLength;
                }
            }
            default -> numbers[id] = number(id, v);
        }
    }

    /**
     * 1 for true, 0 for false (any case), -1 for anything else: one word compared (the scanner's buffer is padded,
     * a word after a value is always in it).
     */
    private static int successFlag(byte[] b, int from, int to) {
        return JtlWords.successFlag(XmlWords.word(b, from), to - from);
    }

    /**
     * The response code: nearly every sample repeats the previous one's, so a code of up to eight bytes is first
     * compared with it as one word, before the text cache's hash and probe.
     */
    private String code(byte[] b, int from, int to, StringCache cache) {
        int len = to - from;
        if (len == 0 || len > 8) {
            return cache.get(b, from, to);
        }
        long w = XmlWords.word(b, from) & (-1L >>> ((8 - len) << 3));
        if (w != lastCodeWord || len != lastCodeLength) {
            lastCode = cache.get(b, from, to);
            lastCodeWord = w;
            lastCodeLength = len;
        }
        return lastCode;
    }

    /** Whether a value may start with {@link Sample#TRANSACTION_MESSAGE_PREFIX}: its first eight bytes match. */
    private static boolean mayBeTransactionMessage(byte[] b, int from, int to) {
        return to - from >= Sample.TRANSACTION_MESSAGE_PREFIX.length()
                && XmlWords.word(b, from) == JtlWords.TRANSACTION_HEAD;
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
        for (int missing = ~seen & NUMBERS; missing != 0; missing &= missing - 1) {
            numbers[Integer.numberOfTrailingZeros(missing)] = 0;
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
