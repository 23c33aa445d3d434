package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTallyTest {

    /** The tally's rules written plainly: the first {@code max} distinct texts are kept, later new ones are others. */
    private static final class Reference {
        final Map<String, Long> counts = new HashMap<>();
        long others;
        final int max;

        Reference(int max) {
            this.max = max;
        }

        void count(String text, long n) {
            if (counts.containsKey(text) || counts.size() < max) {
                counts.merge(text, n, Long::sum);
            } else {
                others += n;
            }
        }
    }

    @Test
    void countsLikeAMapUpToItsBoundThenOthers() {
        SplittableRandom random = new SplittableRandom(5);
        for (int max : new int[] {1, 7, 64, 1000}) {
            TextTally tally = new TextTally(max);
            Reference ref = new Reference(max);
            String[] pool = new String[3 * max + 5];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = "message " + i + " " + "x".repeat(i % 50);
            }
            for (int i = 0; i < 50_000; i++) {
                String text = pool[random.nextInt(pool.length)];
                // equal texts as other instances too (readers past their cache's bound), and runs of one text
                String given = random.nextBoolean() ? text : new String(text.toCharArray());
                long n = random.nextInt(10) == 0 ? random.nextInt(1, 5) : 1;
                int repeat = random.nextInt(4) == 0 ? 3 : 1;
                for (int r = 0; r < repeat; r++) {
                    tally.count(given, n);
                    ref.count(given, n);
                }
            }
            assertEquals(CountTable.top(ref.counts, ref.others, Integer.MAX_VALUE), tally.top(Integer.MAX_VALUE),
                    "max " + max);
            assertEquals(CountTable.top(ref.counts, ref.others, 3), tally.top(3), "max " + max);
        }
    }

    @Test
    void textsWithEqualHashesStayApart() {
        // "Aa" and "BB" have the same String hash: every combination of them collides
        TextTally tally = new TextTally(100);
        Map<String, Long> expected = new HashMap<>();
        String[] parts = {"Aa", "BB"};
        for (int i = 0; i < 64; i++) {
            StringBuilder sb = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                sb.append(parts[(i >> bit) & 1]);
            }
            String text = sb.toString();
            tally.count(text, i + 1);
            tally.count(new String(text.toCharArray()));
            expected.put(text, i + 2L);
        }
        assertEquals(CountTable.top(expected, 0, Integer.MAX_VALUE), tally.top(Integer.MAX_VALUE));
    }

    @Test
    void addAllSumsAndKeepsTheBound() {
        TextTally a = new TextTally(3);
        TextTally b = new TextTally(3);
        a.count("x", 2);
        a.count("y");
        b.count("y", 4);
        b.count("z");
        b.count("w", 7); // b's only
        b.count("v"); // beyond b's bound: others in b
        a.addAll(b);
        // a keeps x, y and the first new text of b (z); w no longer fits
        assertEquals(new CountTable(Map.of("y", 5L, "x", 2L, "z", 1L), 8), a.top(10));
        assertEquals(16, a.top(1).total());
    }

    @Test
    void aFullTallyFindsItsTextsAndCountsTheRestAsOthers() {
        // once full, texts not kept are told by a sketch of a few characters: texts that differ only where it does
        // not look (here one middle character of 200) must still be told apart by their whole text
        int max = 50;
        TextTally tally = new TextTally(max);
        Reference ref = new Reference(max);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            int id = random.nextInt(4 * max);
            char[] text = "a".repeat(200).toCharArray();
            text[77] = (char) ('A' + id % 26);
            text[101] = (char) ('A' + id / 26);
            if (random.nextInt(3) == 0) {
                text[199] = (char) ('0' + id % 10); // and some that differ at the end as well
            }
            String given = new String(text);
            tally.count(given, 1);
            ref.count(given, 1);
        }
        assertEquals(CountTable.top(ref.counts, ref.others, Integer.MAX_VALUE), tally.top(Integer.MAX_VALUE));
    }
}
