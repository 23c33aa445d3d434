package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one-line generator choice of steps, pools and form fields, {@code KIND:ARGUMENT}: {@code local:N} (N JMeter
 * processes on the machine that runs perfgate), {@code servers:HOST[:PORT],...} (running jmeter-servers; port 1099
 * when left out; comma, space or newline separated) or {@code agents:LABEL_EXPRESSION:N} (N Jenkins agents matching
 * the label expression, one JMeter each; only the Jenkins layer runs it) or {@code kubernetes:NAMESPACE:N} (N pods
 * that perfgate creates in a namespace, docs/kubernetes.md). Parsed here only, into an immutable typed value.
 *
 * <p>The text before the first {@code :} picks the kind; everything after it is that kind's argument, whatever it
 * holds. A new kind is one more record and one more entry in {@link #KINDS}; the others do not change.
 */
public sealed interface GeneratorShorthand permits GeneratorShorthand.Local, GeneratorShorthand.Servers,
        GeneratorShorthand.Agents, GeneratorShorthand.Kubernetes {

    /** The port of a jmeter-server written without one. */
    int DEFAULT_SERVER_PORT = 1099;

    /** Each kind's parser of its argument (the text after {@code KIND:}), by kind. */
    Map<String, Function<String, GeneratorShorthand>> KINDS = Map.of(
            Local.KIND, Local::parseArgument,
            Servers.KIND, Servers::parseArgument,
            Agents.KIND, Agents::parseArgument,
            Kubernetes.KIND, Kubernetes::parseArgument);

    /** The shorthand as written ({@code local:2}, {@code servers:a:1099,b:1099}). */
    String text();

    /**
     * The shorthand {@code text} names.
     *
     * @throws IllegalArgumentException naming the offending text when it is no known kind or its argument is wrong
     */
    static GeneratorShorthand parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        Function<String, GeneratorShorthand> kind = colon < 0 ? null
                : KINDS.get(t.substring(0, colon).toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new IllegalArgumentException("'" + t + "' is not local:N, servers:HOST[:PORT],..., agents:LABEL:N "
                    + "or kubernetes:NAMESPACE:N");
        }
        return kind.apply(t.substring(colon + 1));
    }

    /** A host list as written in {@code servers:...} or a pool: comma, space or newline separated; blanks dropped. */
    static List<String> splitHosts(String text) {
        List<String> out = new ArrayList<>();
        for (String h : (text == null ? "" : text).split("[,\\s]+")) {
            if (!h.isBlank()) {
                out.add(h.strip());
            }
        }
        return out;
    }

    /**
     * {@code local:N}: N JMeter processes where perfgate runs.
     *
     * @param count how many, 1 to {@link #MAX}
     */
    record Local(int count) implements GeneratorShorthand {
        public static final String KIND = "local";
        /** Most local JMeter processes one machine is asked to run. */
        public static final int MAX = 64;

        public Local {
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("local:" + count + ": local generators must be 1 to " + MAX);
            }
        }

        static Local parseArgument(String argument) {
            try {
                return new Local(Integer.parseInt(argument.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("local:" + argument + ": local:N needs a number, got '"
                        + argument.strip() + "'", e);
            }
        }

        @Override
        public String text() {
            return KIND + ":" + count;
        }
    }

    /**
     * {@code servers:HOST[:PORT],...}: jmeter-servers that already run.
     *
     * @param hosts {@code host:port} of each, the port filled in when it was left out; at least one
     */
    record Servers(List<String> hosts) implements GeneratorShorthand {
        public static final String KIND = "servers";
        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");

        public Servers {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("servers: names no host (servers:HOST[:PORT],...)");
            }
        }

        static Servers parseArgument(String argument) {
            List<String> hosts = new ArrayList<>();
            for (String h : splitHosts(argument)) {
                if (!HOST.matcher(h).matches()) {
                    throw new IllegalArgumentException("servers:" + argument.strip() + ": '" + h
                            + "' is not a host or host:port");
                }
                hosts.add(h.contains(":") ? h : h + ":" + DEFAULT_SERVER_PORT);
            }
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("servers:" + argument + " names no host (servers:HOST[:PORT],...)");
            }
            return new Servers(hosts);
        }

        @Override
        public String text() {
            return KIND + ":" + String.join(",", hosts);
        }
    }

    /**
     * {@code agents:LABEL_EXPRESSION:N}: N distinct Jenkins agents matching a label expression, each running one
     * JMeter on its share of the load. The expression may hold {@code &&}, {@code ||}, {@code !}, parentheses and
     * spaces ({@code agents:loadgen && linux:4}), so the count is what follows the last {@code :}.
     *
     * @param label the label expression, as written (trimmed); Jenkins parses it
     * @param count how many agents, 1 to {@link #MAX}
     */
    record Agents(String label, int count) implements GeneratorShorthand {
        public static final String KIND = "agents";
        /** Most agents one run takes (the run plan's generator limit). */
        public static final int MAX = 64;

        public Agents {
            label = label == null ? "" : label.strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("agents:" + label + ":" + count
                        + ": names no label expression (agents:LABEL_EXPRESSION:N)");
            }
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("agents:" + label + ":" + count + ": agents must be 1 to " + MAX);
            }
        }

        static Agents parseArgument(String argument) {
            int colon = argument.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("agents:" + argument.strip()
                        + ": give the label expression and the number of agents (agents:LABEL_EXPRESSION:N)");
            }
            String n = argument.substring(colon + 1).strip();
            try {
                return new Agents(argument.substring(0, colon), Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("agents:" + argument.strip() + ": the number of agents after the "
                        + "last ':' must be a number, got '" + n + "'", e);
            }
        }

        @Override
        public String text() {
            return KIND + ":" + label + ":" + count;
        }
    }

    /**
     * {@code kubernetes:NAMESPACE:N}: N generator pods that perfgate creates in a namespace for the run and deletes
     * afterwards (the plan's {@code generators: {type: kubernetes}}).
     *
     * @param namespace a Kubernetes namespace name (a DNS label)
     * @param count     how many pods, 1 to {@link #MAX}
     */
    record Kubernetes(String namespace, int count) implements GeneratorShorthand {
        public static final String KIND = "kubernetes";
        /** Most pods one run takes (the run plan's generator limit). */
        public static final int MAX = 64;
        private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

        public Kubernetes {
            namespace = namespace == null ? "" : namespace.strip();
            if (!DNS_LABEL.matcher(namespace).matches()) {
                throw new IllegalArgumentException("kubernetes:" + namespace + ":" + count + ": '" + namespace
                        + "' is not a namespace name (lower case letters, digits and '-', at most 63)");
            }
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("kubernetes:" + namespace + ":" + count + ": pods must be 1 to "
                        + MAX);
            }
        }

        static Kubernetes parseArgument(String argument) {
            int colon = argument.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("kubernetes:" + argument.strip()
                        + ": give the namespace and the number of pods (kubernetes:NAMESPACE:N)");
            }
            String n = argument.substring(colon + 1).strip();
            try {
                return new Kubernetes(argument.substring(0, colon), Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("kubernetes:" + argument.strip() + ": the number of pods after "
                        + "the namespace must be a number, got '" + n + "'", e);
            }
        }

        @Override
        public String text() {
            return KIND + ":" + namespace + ":" + count;
        }
    }
}
