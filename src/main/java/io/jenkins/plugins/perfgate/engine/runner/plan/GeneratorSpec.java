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
 *                         of JMeter JVMs honours {@code jvmArgs} (extra JVM options, space-separated)
 */
public record GeneratorSpec(String type, int count, List<String> servers, String heap, String sampleSenderMode,
        Map<String, String> options) {

    public GeneratorSpec {
        servers = List.copyOf(servers);
        options = Map.copyOf(options);
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
