package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JtlWordsTest {

    /** The first eight bytes of {@code text} as the readers read them (zero-padded buffer). */
    private static long wordOf(String text) {
        byte[] b = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), Math.max(8, text.length()));
        return XmlWords.word(b, 0);
    }

    @Test
    void successFlagsInAnyCaseAndNothingElse() {
        for (String t : new String[] {"true", "TRUE", "True", "tRuE"}) {
            assertEquals(1, JtlWords.successFlag(wordOf(t + ",x"), 4), t);
        }
        for (String f : new String[] {"false", "FALSE", "False"}) {
            assertEquals(0, JtlWords.successFlag(wordOf(f + ",x"), 5), f);
        }
        for (String other : new String[] {"tru", "truex", "fals", "yes", "1", "", "t rue", "false2"}) {
            assertEquals(-1, JtlWords.successFlag(wordOf(other + ",x"), other.length()), other);
        }
    }

    @Test
    void aTextsWordIsItsFirstEightBytes() {
        assertEquals(wordOf("Number of samples"), JtlWords.TRANSACTION_HEAD);
        assertEquals(wordOf("lt"), JtlWords.word("lt"));
        assertEquals(wordOf("varname"), JtlWords.word("varname"));
    }

    @Test
    void digitsInPlaceOfOneToSixteenBytes() {
        String digits = "9876543210123456";
        for (int n = 1; n <= 16; n++) {
            byte[] b = Arrays.copyOf(("\"" + digits.substring(0, n) + "\"").getBytes(StandardCharsets.US_ASCII), 40);
            assertEquals(Long.parseLong(digits.substring(0, n)), Digits.ofDigits(b, 1, 1 + n), "digits " + n);
            long notDigits = Digits.notDigits(XmlWords.word(b, 1 + Math.max(0, n - 8)));
            assertEquals(Math.min(n, 8), Long.numberOfTrailingZeros(notDigits) >>> 3, "end of " + n + " digits");
        }
    }
}
