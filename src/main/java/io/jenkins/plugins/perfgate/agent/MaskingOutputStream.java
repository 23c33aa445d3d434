package io.jenkins.plugins.perfgate.agent;

import hudson.console.LineTransformationOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Writes lines to the build log with every occurrence of a secret replaced by {@code ****}: the command line's
 * output may quote a secret template property (a JMeter error about a URL holding a token, a template that logs
 * it). Longer secrets are replaced first, so one that contains another is masked whole.
 */
public final class MaskingOutputStream extends LineTransformationOutputStream.Delegating {

    private final List<String> secrets;

    MaskingOutputStream(OutputStream out, Collection<String> secrets) {
        super(out);
        this.secrets = longestFirst(secrets);
    }

    /** The secrets in the order {@link #mask} replaces them: the longest first. */
    public static List<String> longestFirst(Collection<String> secrets) {
        return secrets.stream().filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code text} with every occurrence of a secret shown as {@code ****} ({@code secrets}: {@link #longestFirst}). */
    public static String mask(String text, List<String> secrets) {
        String masked = text;
        for (String s : secrets) {
            masked = masked.replace(s, "****");
        }
        return masked;
    }

    @Override
    protected void eol(byte[] b, int len) throws IOException {
        if (secrets.isEmpty()) {
            out.write(b, 0, len);
            return;
        }
        String line = new String(b, 0, len, StandardCharsets.UTF_8);
        String masked = mask(line, secrets);
        if (masked.equals(line)) {
            out.write(b, 0, len);
        } else {
            out.write(masked.getBytes(StandardCharsets.UTF_8));
        }
    }
}
