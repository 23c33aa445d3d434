package io.jenkins.plugins.perfgate.engine.history;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the baseline of a build is chosen from its history. Written as text on the CLI, in run plans and in the
 * Jenkins step: {@code previous}, {@code last-passing}, {@code tag} / {@code tag:v2.*}, {@code build:42},
 * {@code median} / {@code median:5}. The default is {@link Median} of the last {@value #DEFAULT_MEDIAN_BUILDS}
 * passing builds (see docs/gate.md for why).
 */
public sealed interface BaselinePolicy {

    /** Builds in the default median baseline. */
    int DEFAULT_MEDIAN_BUILDS = 5;

    /** The default policy as text ({@code median:5}), for option defaults and help texts. */
    String DEFAULT_TEXT = "median:" + DEFAULT_MEDIAN_BUILDS;

    /** The canonical text of this policy, parseable by {@link #parse}. */
    String text();

    /** The most recent earlier build whose run was complete, whatever the build's result. */
    record Previous() implements BaselinePolicy {
        @Override
        public String text() {
            return "previous";
        }
    }

    /** The most recent earlier passing build (build succeeded, run complete). */
    record LastPassing() implements BaselinePolicy {
        @Override
        public String text() {
            return "last-passing";
        }
    }

    /**
     * The most recent earlier build with a release tag matching a glob ({@code *} and {@code ?}); any tag when the
     * glob is empty. Its run must have been complete.
     */
    record LastTagged(String glob) implements BaselinePolicy {
        public LastTagged {
            glob = glob == null ? "" : glob;
        }

        public boolean matches(String tag) {
            return !tag.isEmpty() && (glob.isEmpty() || Glob.toPattern(glob).matcher(tag).matches());
        }

        @Override
        public String text() {
            return glob.isEmpty() ? "tag" : "tag:" + glob;
        }
    }

    /** One build chosen by number (a known-good release run, for instance). */
    record Pinned(long buildNumber) implements BaselinePolicy {
        @Override
        public String text() {
            return "build:" + buildNumber;
        }
    }

    /** Per label and statistic, the median over the last n passing builds: robust to one odd build. */
    record Median(int builds) implements BaselinePolicy {
        public Median {
            if (builds < 1 || builds > 1000) {
                throw new IllegalArgumentException("median baseline needs 1 to 1000 builds, was " + builds);
            }
        }

        @Override
        public String text() {
            return "median:" + builds;
        }
    }

    static BaselinePolicy defaultPolicy() {
        return new Median(DEFAULT_MEDIAN_BUILDS);
    }

    /** Reads a policy's text, the default policy when the text is null or blank (a setting left empty). */
    static BaselinePolicy parseOrDefault(String text) {
        return text == null || text.isBlank() ? defaultPolicy() : parse(text);
    }

    /** Reads a policy's text; throws IllegalArgumentException naming the accepted forms. */
    static BaselinePolicy parse(String text) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String head = colon < 0 ? lower : lower.substring(0, colon);
        String arg = colon < 0 ? "" : t.substring(colon + 1).trim();
        try {
            switch (head) {
                case "previous":
                    if (arg.isEmpty()) {
                        return new Previous();
                    }
                    break;
                case "last-passing", "lastpassing", "last_passing":
                    if (arg.isEmpty()) {
                        return new LastPassing();
                    }
                    break;
                case "tag", "release":
                    return new LastTagged(arg);
                case "build", "pinned":
                    return new Pinned(Long.parseLong(arg.startsWith("#") ? arg.substring(1) : arg));
                case "median":
                    return new Median(arg.isEmpty() ? DEFAULT_MEDIAN_BUILDS : Integer.parseInt(arg));
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("unknown baseline policy '" + t + "': use previous, last-passing, tag, "
                + "tag:GLOB, build:NUMBER, median or median:N");
    }

    /** Glob to regex: {@code *} any run of characters, {@code ?} one character, everything else literal. */
    final class Glob {
        private Glob() {
        }

        public static Pattern toPattern(String glob) {
            StringBuilder re = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*' || c == '?') {
                    if (!literal.isEmpty()) {
                        re.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    re.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (!literal.isEmpty()) {
                re.append(Pattern.quote(literal.toString()));
            }
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        }
    }
}
