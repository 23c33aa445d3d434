package io.jenkins.plugins.perfgate.engine.gate;

import java.util.regex.Pattern;

/**
 * Matches a label pattern with a bound on the work: a pattern that backtracks without end ({@code (a+)+b}) or a
 * huge label would otherwise hold the thread that gates (on the Jenkins controller) for minutes. The bound counts the
 * characters the regex engine reads: linear patterns read each character a few times, far below it.
 */
final class BoundedMatch {

    /** Characters read per match, beyond {@link #STEPS_PER_CHAR} per character of the label. */
    static final long BASE_STEPS = 1_000_000;
    static final long STEPS_PER_CHAR = 16;

    private BoundedMatch() {
    }

    /** Whether the whole label matches; an {@link IllegalArgumentException} naming the criterion when over budget. */
    static boolean matches(Pattern pattern, String label, String scope) {
        Budgeted input = new Budgeted(label, BASE_STEPS + STEPS_PER_CHAR * label.length());
        try {
            return pattern.matcher(input).matches();
        } catch (OverBudget e) {
            String shown = label.length() > 60 ? label.substring(0, 57) + "..." : label;
            throw new IllegalArgumentException("criteria scope " + scope + ": matching label '" + shown + "' ("
                    + label.length() + " characters) needed more than " + input.budget + " steps: the pattern "
                    + "backtracks too much; simplify it (e.g. no nested repetition such as (a+)+)");
        }
    }

    private static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** The label as the regex engine sees it, counting every character read. */
    private static final class Budgeted implements CharSequence {
        private final String s;
        private final long budget;
        private long steps;

        Budgeted(String s, long budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++steps > budget) {
                throw new OverBudget();
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
