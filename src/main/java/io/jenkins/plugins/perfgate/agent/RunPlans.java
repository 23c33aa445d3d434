package io.jenkins.plugins.perfgate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorShorthand;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the run plan the command line executes (the runner's format, docs/run-plan.md): the user's plan with the
 * step's inline settings laid over it, or a plan made of the inline settings alone. Only translates settings; the
 * plan is read and checked by the runner.
 */
public final class RunPlans {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Where the plan to run goes, what to call the run, the gate settings the user's plan names, and the Jenkins
     * agents that generate the load ({@code generators: {type: agents}}; null: the plan runs where it is).
     */
    public record Written(FilePath file, String title, boolean temporary, PlanGate gate,
            GeneratorShorthand.Agents agents) {
    }

    /** The plan's generator type that only Jenkins runs: N agents matching {@code options.label}. */
    public static final String AGENTS_TYPE = "agents";

    /** The plan's generator type of pods perfgate creates in a namespace (docs/kubernetes.md). */
    public static final String KUBERNETES_TYPE = "kubernetes";

    /**
     * A run plan's {@code criteria:} (one per line) and {@code baseline: {policy: ..., alpha: ...}}: used when the
     * step names none, before the global defaults. Empty strings when the plan has none.
     */
    public record PlanGate(String criteria, String baseline, String alpha) {
        public static final PlanGate NONE = new PlanGate("", "", "");

        static PlanGate of(JsonNode plan) {
            List<String> lines = new ArrayList<>();
            plan.path("criteria").forEach(c -> lines.add(c.asText()));
            String policy = plan.path("baseline").path("policy").asText("").trim();
            return new PlanGate(String.join("\n", lines).trim(), policy,
                    plan.path("baseline").path("alpha").asText("").trim());
        }
    }

    private RunPlans() {
    }

    /**
     * Writes the plan. A user plan with overrides is written beside the user's plan (relative paths in it keep
     * their meaning) and deleted after the run ({@code temporary}); an inline plan goes to {@code outDir}.
     *
     * @param kubeconfig the path of a kubeconfig file on the workspace's node for kubernetes generators; null: none
     */
    public static Written write(TestSettings s, EnvVars env, FilePath ws, FilePath outDir, String buildTag,
            String kubeconfig) throws IOException, InterruptedException {
        String plan = env.expand(s.getPlan());
        String template = env.expand(s.getTemplate());
        if (plan.isEmpty() && template.isEmpty()) {
            throw new AbortException("perfgate: give a run plan (plan: 'perf/plan.yaml') or a template "
                    + "(template: 'perf/load.jmx')");
        }
        ObjectNode root;
        FilePath target;
        if (!plan.isEmpty()) {
            FilePath p = ws.child(plan);
            if (!p.exists()) {
                throw new AbortException("perfgate: run plan " + plan + " is not in the workspace");
            }
            JsonNode user = (p.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML)
                    .readTree(AgentFiles.readBounded(p, AgentFiles.MAX_PLAN_BYTES, "run plan"));
            if (!hasOverrides(s, template) && kubeconfig == null) {
                return new Written(p, plan, false, user == null ? PlanGate.NONE : PlanGate.of(user), agents(user));
            }
            if (!(user instanceof ObjectNode)) {
                throw new AbortException("perfgate: run plan " + plan + " is not a mapping of fields");
            }
            root = (ObjectNode) user;
            target = java.util.Objects.requireNonNull(p.getParent(), "a file has a parent folder")
                    .child("." + p.getName() + "." + buildTag + ".perfgate.json");
        } else {
            root = JSON.createObjectNode();
            target = outDir.child("plan.json");
        }
        if (!template.isEmpty()) {
            root.put("template", templateFile(template, ws, outDir).getRemote());
        }
        Map<String, String> props = s.parsedProperties();
        if (!props.isEmpty()) {
            ObjectNode p = root.has("properties") && root.get("properties").isObject()
                    ? (ObjectNode) root.get("properties") : root.putObject("properties");
            props.forEach((k, v) -> p.put(k, env.expand(v)));
        }
        if (!s.getGenerators().isEmpty() || !root.has("generators")) {
            root.set("generators", overlay(root.get("generators"), generators(s.effectiveGenerators()),
                    s.effectiveGeneratorOptions()));
        }
        if (kubeconfig != null) {
            JsonNode g = root.path("generators");
            if (!KUBERNETES_TYPE.equals(g.path("type").asText())) {
                throw new AbortException("perfgate: kubeconfigCredentialsId is for kubernetes generators; this "
                        + "run's generators are " + g.path("type").asText("local"));
            }
            ObjectNode options = g.has("options") && g.get("options").isObject() ? (ObjectNode) g.get("options")
                    : ((ObjectNode) g).putObject("options");
            options.put("kubeconfig", kubeconfig);
        }
        if (s.getDuration() > 0) {
            // the plan's duration is only what progress and the default time limit plan for; the templates run for
            // their `duration` property, so the step's duration sets both
            root.put("duration", s.getDuration() + "s");
            ObjectNode p = root.has("properties") && root.get("properties").isObject()
                    ? (ObjectNode) root.get("properties") : root.putObject("properties");
            p.put("duration", String.valueOf(s.getDuration()));
        }
        if (s.getTimeLimit() > 0) {
            root.put("timeLimit", s.getTimeLimit() + "s");
        }
        String jmeterHome = PerfgateConfiguration.get().getJmeterHome();
        if (!jmeterHome.isEmpty() && !root.has("jmeter")) {
            root.putObject("jmeter").put("home", env.expand(jmeterHome));
        }
        addons(root, "jmeterPlugins", env.expand(PerfgateConfiguration.get().getJmeterPlugins()),
                env.expand(s.getJmeterPlugins()));
        addons(root, "libraries", env.expand(PerfgateConfiguration.get().getLibraries()),
                env.expand(s.getLibraries()));
        if (s.getMetrics()) {
            metrics(root, env, s.getId());
        }
        target.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8.name());
        return new Written(target, template.isEmpty() ? plan : template, !plan.isEmpty(), PlanGate.of(root),
                agents(root));
    }

    /**
     * Adds the global configuration's and the step's plugins or libraries to the plan's list {@code key}, each once
     * (the plan's own entries first; the CLI checks every entry again when it reads the plan).
     */
    static void addons(ObjectNode root, String key, String global, String step) {
        List<String> all = new ArrayList<>();
        JsonNode own = root.get(key);
        if (own != null && own.isArray()) {
            own.forEach(n -> all.add(n.asText()));
        } else if (own != null && own.isTextual()) {
            all.add(own.asText());
        }
        for (String text : List.of(global, step)) {
            for (MavenCoordinate c : MavenCoordinate.parseList(text, key)) {
                if (!all.contains(c.toString())) {
                    all.add(c.toString());
                }
            }
        }
        if (!all.isEmpty()) {
            ArrayNode list = root.putArray(key);
            all.forEach(list::add);
        }
    }

    /** Folder of the templates that ship with perfgate (examples/templates), on the plugin's class path. */
    public static final String BUNDLED= "/perfgate/templates/";

    /**
     * The template in the workspace, or one of perfgate's bundled templates by name ({@code smoke}, {@code load},
     * {@code soak}, {@code spike}, {@code stepping}) copied into the output folder.
     */
    static FilePath templateFile(String template, FilePath ws, FilePath outDir)
            throws IOException, InterruptedException {
        FilePath t = ws.child(template);
        if (t.exists()) {
            return t;
        }
        String name = template.endsWith(".jmx") ? template : template + ".jmx";
        if (name.matches("[A-Za-z0-9_-]+\\.jmx")) {
            java.net.URL bundled = RunPlans.class.getResource(BUNDLED + name);
            if (bundled != null) {
                FilePath copy = outDir.child("templates").child(name);
                copy.copyFrom(bundled);
                return copy;
            }
        }
        throw new AbortException("perfgate: template " + template + " is neither in the workspace nor one of the "
                + "bundled templates (smoke, load, soak, spike, stepping)");
    }

    private static boolean hasOverrides(TestSettings s, String template) {
        return !template.isEmpty() || !s.parsedProperties().isEmpty() || !s.getGenerators().isEmpty() || s.getDuration() > 0
                || s.getTimeLimit() > 0 || s.getMetrics();
    }

    /** {@code local:N} or {@code servers:h1:p,h2:p} ({@link GeneratorShorthand}) as the plan's generators section. */
    public static ObjectNode generators(String spec) throws AbortException {
        GeneratorShorthand parsed;
        try {
            parsed = GeneratorShorthand.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfgate: generators: " + e.getMessage()
                    + " (nor a generator pool of the global configuration)");
        }
        ObjectNode g = JSON.createObjectNode();
        switch (parsed) {
            case GeneratorShorthand.Local l -> {
                g.put("type", "local");
                g.put("count", l.count());
            }
            case GeneratorShorthand.Servers srv -> {
                g.put("type", "jmeter-servers");
                ArrayNode servers = g.putArray("servers");
                srv.hosts().forEach(servers::add);
            }
            case GeneratorShorthand.Agents a -> {
                g.put("type", AGENTS_TYPE);
                g.put("count", a.count());
                g.putObject("options").put("label", a.label());
            }
            case GeneratorShorthand.Kubernetes k -> {
                g.put("type", KUBERNETES_TYPE);
                g.put("count", k.count());
                g.putObject("options").put("namespace", k.namespace());
            }
        }
        return g;
    }

    /**
     * The step's generators over the plan's: a kubernetes shorthand ({@code kubernetes:NS:N}) keeps the plan's own
     * kubernetes settings (heap, image, resources, pendingTimeout) and sets namespace and count; a kubernetes
     * pool's options go over the plan's. Any other choice replaces the plan's generators.
     */
    public static ObjectNode overlay(JsonNode planned, ObjectNode chosen, Map<String, String> poolOptions) {
        ObjectNode g = chosen;
        if (KUBERNETES_TYPE.equals(chosen.path("type").asText()) && planned != null && planned.isObject()
                && KUBERNETES_TYPE.equals(planned.path("type").asText())) {
            g = ((ObjectNode) planned).deepCopy();
            g.put("count", chosen.path("count").asInt());
            JsonNode o = g.get("options");
            ObjectNode options = o != null && o.isObject() ? (ObjectNode) o : g.putObject("options");
            options.setAll((ObjectNode) chosen.get("options"));
        }
        if (!poolOptions.isEmpty()) {
            JsonNode o = g.get("options");
            ObjectNode options = o != null && o.isObject() ? (ObjectNode) o : g.putObject("options");
            poolOptions.forEach(options::put);
        }
        return g;
    }

    /** The agents a plan's {@code generators: {type: agents, count: N, options: {label: ...}}} asks for, or null. */
    static GeneratorShorthand.Agents agents(JsonNode plan) throws AbortException {
        JsonNode g = plan == null ? null : plan.get("generators");
        if (g == null || !AGENTS_TYPE.equals(g.path("type").asText())) {
            return null;
        }
        try {
            return new GeneratorShorthand.Agents(g.path("options").path("label").asText(""),
                    g.path("count").asInt(1));
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfgate: generators: " + e.getMessage()
                    + " (type agents needs options.label and count)");
        }
    }

    /** The global configuration's endpoints; their credentials travel as environment variables, never in files. */
    private static void metrics(ObjectNode root, EnvVars env, String id) {
        PerfgateConfiguration c = PerfgateConfiguration.get();
        ObjectNode m = root.has("metrics") && root.get("metrics").isObject() ? (ObjectNode) root.get("metrics")
                : root.putObject("metrics");
        // the grouping labels of exported figures: the Jenkins job and build
        if (!m.has("job") && env.get("JOB_NAME") != null) {
            m.put("job", env.get("JOB_NAME"));
        }
        if (!m.has("build") && env.get("BUILD_NUMBER") != null) {
            m.put("build", env.get("BUILD_NUMBER"));
        }
        // several results in one build: each one's figures under its own id
        if (!m.has("result") && id != null && !id.isEmpty()) {
            m.put("result", id);
        }
        if (!c.getInfluxUrl().isEmpty()) {
            // the configured URL (the one its credentials are bound to); the plan's live listener, database and
            // measurement stay
            JsonNode planned = m.get("influxdb");
            (planned != null && planned.isObject() ? (ObjectNode) planned : m.putObject("influxdb"))
                    .put("url", c.getInfluxUrl());
        }
        if (!c.getPushgatewayUrl().isEmpty()) {
            m.putObject("pushgateway").put("url", c.getPushgatewayUrl());
        }
    }
}
