package io.jenkins.plugins.perfgate.engine.results;

/**
 * JMeter's fixed field values tested as one word, for the CSV and the XML reader alike: a value's first eight bytes
 * read as a little-endian {@code long} (the first byte lowest), compared at once instead of a byte at a time.
 */
final class JtlWords {

    private static final long TRUE_WORD = word("true");
    private static final long FALSE_WORD = word("false");
    /** Sets the 0x20 bit of each letter of true or false: upper case becomes lower, as JMeter's parser ignores case. */
    private static final long LOWER = 0x2020202020L;

    /** The first eight bytes of {@link Sample#TRANSACTION_MESSAGE_PREFIX}. */
    static final long TRANSACTION_HEAD = word(Sample.TRANSACTION_MESSAGE_PREFIX);

    private JtlWords() {
    }

    /**
     * The first eight characters (or fewer) of an ASCII text as a word, the first lowest and zeros after a shorter
     * text's end.
     */
    static long word(String ascii) {
        long w = 0;
        for (int k = Math.min(8, ascii.length()) - 1; k >= 0; k--) {
            w = w << 8 | ascii.charAt(k);
        }
        return w;
    }

    /**
     * A success flag of {@code length} bytes whose first eight bytes are {@code word}: 1 for true, 0 for false (any
     * case), -1 for anything else.
     */
    static int successFlag(long word, int length) {
        long w = word | LOWER;
        return length == 4 && (w & 0xFFFFFFFFL) == TRUE_WORD ? 1
                : length == 5 && (w & 0xFFFFFFFFFFL) == FALSE_WORD ? 0 : -1;
    }
}
