package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import java.util.regex.Pattern;

/**
 * Which rows of a run a criterion applies to: the overall row (the default), one label by exact name, or every
 * label matching a glob or a regular expression (whole label). Patterns come from plans and steps that any job
 * author writes and are matched where the gate runs (the Jenkins controller), so each match has a bounded amount of
 * work ({@link BoundedMatch}).
 */
public sealed interface Scope {

    /** The scope as written in criteria ({@code overall}, {@code label="x"}, {@code label~"x*"}, ...). */
    String text();

    /** Whether a label is in scope (never true for {@link Overall}). */
    boolean matches(String label);

    record Overall() implements Scope {
        @Override
        public String text() {
            return "overall";
        }

        @Override
        public boolean matches(String label) {
            return false;
        }
    }

    record Exact(String label) implements Scope {
        @Override
        public String text() {
            return "label=" + quote(label);
        }

        @Override
        public boolean matches(String l) {
            return label.equals(l);
        }
    }

    /** {@code *} any run of characters, {@code ?} one character. */
    record Glob(String glob, Pattern pattern) implements Scope {
        public Glob(String glob) {
            this(glob, BaselinePolicy.Glob.toPattern(glob));
        }

        @Override
        public String text() {
            return "label~" + quote(glob);
        }

        @Override
        public boolean matches(String l) {
            return BoundedMatch.matches(pattern, l, text());
        }
    }

    /** A java.util.regex pattern matched against the whole label. */
    record Regex(Pattern pattern) implements Scope {
        @Override
        public String text() {
            return "label=~" + quote(pattern.pattern());
        }

        @Override
        public boolean matches(String l) {
            return BoundedMatch.matches(pattern, l, text());
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
