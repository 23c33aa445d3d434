package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.util.List;
import java.util.Map;

/**
 * Which load generators run the plan.
 *
 * @param type             provider type: {@code local}, {@code jmeter-servers}, or one a plug-in registers
 * @param count            number of generators (local JVMs, or jmeter-server processes perfgate starts)
 * @param servers          existing jmeter-servers as {@code host:port} (jmeter-servers type); empty: perfgate starts
 *                         {@code count} servers on 127.0.0.2, 127.0.0.3, ...
 * @param heap             heap of each generator JVM ({@code 512m}, {@code 2g})
 * @param sampleSenderMode JMeter's {@code mode} for distributed runs (default StrippedBatch)
 * @param options          provider-specific settings (agent label, namespace, ...), as strings; every provider
 *                         of JMeter JVMs honours {@code jvmArgs} (extra JVM options, space-separated); {@code local}
 *                         honours {@code name} ({@link #localId})
 */
public record GeneratorSpec(String type, int count, List<String> servers, String heap, String sampleSenderMode,
        Map<String, String> options) {

    /** The option naming local generators ({@code generators.options.name}). */
    public static final String NAME_OPTION = "name";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public GeneratorSpec {
        servers = List.copyOf(servers);
        options = Map.copyOf(options);
        String name = options.get(NAME_OPTION);
        if (name != null && !NAME.matcher(name).matches()) {
            // it names a folder and tags metrics: no separators, no spaces
            throw new IllegalArgumentException("generators.options.name: '" + name + "' is not 1 to 64 letters,"
                    + " digits, '.', '_' or '-'");
        }
    }

    /**
     * The id of local generator {@code index} (0-based): {@code gen-1, gen-2, ...}; with {@code options.name} NAME,
     * NAME for a single generator and {@code NAME-1, NAME-2, ...} for several (a Jenkins agent runs its share
     * under its own name, so its live metrics and its results say which machine they come from).
     */
    public String localId(int index) {
        String name = options.get(NAME_OPTION);
        if (name == null) {
            return "gen-" + (index + 1);
        }
        return count == 1 ? name : name + "-" + (index + 1);
    }

    /** This spec with one option set (a command-line override). */
    public GeneratorSpec withOption(String key, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(options);
        all.put(key, value);
        return new GeneratorSpec(type, count, servers, heap, sampleSenderMode, all);
    }

    public static GeneratorSpec local(int count) {
        return new GeneratorSpec("local", count, List.of(), "512m", "StrippedBatch", Map.of());
    }

    /** Extra JVM options for each generator JVM ({@code options.jvmArgs}). */
    public java.util.List<String> jvmArgs() {
        String args = options.getOrDefault("jvmArgs", "").strip();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    /** How many generators take a share of the load. */
    public int size() {
        return servers.isEmpty() ? count : servers.size();
    }
}
