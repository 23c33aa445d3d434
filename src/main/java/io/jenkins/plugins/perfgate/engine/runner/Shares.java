package io.jenkins.plugins.perfgate.engine.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides the plan's totals (thread counts, throughput) among generators, so that the plan's numbers mean the whole
 * run whatever the number of generators: 10 threads on 3 generators are 4 + 3 + 3.
 */
public final class Shares {
    private Shares() {
    }

    /** Generator {@code index}'s (0-based, of {@code count}) values of the split properties. */
    public static Map<String, String> share(Map<String, String> properties, List<String> split, int index,
            int count) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : split) {
            String value = properties.get(name);
            if (value == null) {
                continue;
            }
            long total = Long.parseLong(value.strip());
            long base = total / count;
            long extra = index < total % count ? 1 : 0;
            out.put(name, Long.toString(base + extra));
        }
        return out;
    }

    /** The equal share every generator gets when all must get the same value (JMeter's {@code -G}). */
    public static Map<String, String> equalShare(Map<String, String> properties, List<String> split, int count) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : split) {
            String value = properties.get(name);
            if (value == null) {
                continue;
            }
            long total = Long.parseLong(value.strip());
            if (total % count != 0) {
                throw new IllegalArgumentException("property " + name + "=" + total + " cannot be split equally over "
                        + count + " existing jmeter-servers (they all receive the same -G value); use a multiple of "
                        + count);
            }
            out.put(name, Long.toString(total / count));
        }
        return out;
    }
}
