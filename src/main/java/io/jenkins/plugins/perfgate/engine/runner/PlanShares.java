package io.jenkins.plugins.perfgate.engine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport;
import io.jenkins.plugins.perfgate.engine.runner.plan.PlanException;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cuts a run plan into {@code count} self-contained shares, one per machine that generates load on its own
 * (a Jenkins agent): folder {@code share-i} holds the template, generator i's share of every data file, and a plan
 * that runs one local JMeter on generator i's share of the split properties. The shares add up to the plan exactly
 * ({@link Shares}, {@link DataFiles}: 10 threads over 3 are 4 + 3 + 3, split data rows are dealt round-robin), so
 * the merged summaries of the shares are the run the plan describes.
 *
 * <p>The share plans keep what each machine applies on its own (duration, time limit, sampling, heap and JVM
 * options, a live InfluxDB listener: each machine's JMeter writes its own share live) and leave out what belongs to
 * the whole run (gate criteria, baseline, after-run metrics export, abort criteria): whoever merges the shares
 * judges, exports the merged summary, and judges the abort criteria on the machines' merged live figures; for that
 * it reads {@link #CONTROL_FILE} beside the share folders.
 */
public final class PlanShares {

    /** The plan file inside each share folder. */
    public static final String PLAN_FILE = "plan.json";

    /**
     * What the caller that runs the shares needs of the whole plan, beside the share folders:
     * {@code {"abort": ["error% > 50 for 10s"], "liveInflux": true}}.
     */
    public static final String CONTROL_FILE = "control.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanShares() {
    }

    /** The share folder of generator {@code index} (0-based). */
    public static Path shareDir(Path outDir, int index) {
        return outDir.resolve("share-" + (index + 1));
    }

    /**
     * Writes {@code count} shares of the plan in {@code planFile} into {@code outDir/share-1 ... share-N} and returns
     * their folders.
     *
     * @throws PlanException naming the plan when it cannot be read, cannot be split that many ways, or repeats
     */
    public static List<Path> write(Path planFile, int count, Path outDir) throws PlanException, IOException {
        RunPlan plan = RunPlanReader.read(planFile);
        String source = String.valueOf(planFile.getFileName());
        if (plan.repeat() > 1 || plan.interleaved()) {
            throw new PlanException(source + ": repeat and baselineTarget cannot be split over separate generator "
                    + "machines yet (their repetitions would not run in step); run them on local generators");
        }
        for (String p : plan.splitProperties()) {
            String v = plan.properties().get(p);
            if (v != null && Long.parseLong(v.strip()) < count) {
                throw new PlanException(source + ": properties." + p + ": " + v.strip() + " cannot be split over "
                        + count + " generators (each needs at least 1)");
            }
        }
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        JsonNode original = (json ? JSON : new ObjectMapper(new YAMLFactory())).readTree(planFile.toFile());
        List<List<byte[]>> dataShares = new ArrayList<>();
        for (DataFile f : plan.dataFiles()) {
            dataShares.add(DataFiles.shares(f, count));
        }
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path dir = shareDir(outDir, i);
            Files.createDirectories(dir);
            String template = Objects.requireNonNull(plan.template().getFileName()).toString();
            Files.copy(plan.template(), dir.resolve(template), StandardCopyOption.REPLACE_EXISTING);
            ObjectNode share = JSON.createObjectNode();
            share.put("name", plan.name());
            share.put("template", template);
            ObjectNode props = share.putObject("properties");
            plan.properties().forEach(props::put);
            Shares.share(plan.properties(), plan.splitProperties(), i, count).forEach(props::put);
            share.putArray("split"); // already split: the share is the whole load of its one generator
            share.set("generators", generators(original.path("generators")));
            liveInflux(plan).ifPresent(m -> share.set("metrics", m));
            for (String kept : List.of("duration", "timeLimit", "sampling")) {
                if (original.has(kept)) {
                    share.set(kept, original.get(kept));
                }
            }
            ArrayNode data = share.putArray("dataFiles");
            for (int k = 0; k < plan.dataFiles().size(); k++) {
                DataFile f = plan.dataFiles().get(k);
                String name = "data/" + (k + 1) + "-" + f.path().getFileName();
                Files.createDirectories(dir.resolve("data"));
                Files.write(dir.resolve(name), dataShares.get(k).get(i));
                data.addObject().put("path", name).put("property", f.property()).put("split", false)
                        .put("header", f.header());
            }
            Files.writeString(dir.resolve(PLAN_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(share));
            dirs.add(dir);
        }
        ObjectNode control = JSON.createObjectNode();
        ArrayNode abort = control.putArray("abort");
        plan.abort().forEach(a -> abort.add(a.text()));
        control.put("liveInflux", liveInflux(plan).isPresent());
        Files.writeString(outDir.resolve(CONTROL_FILE), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(control));
        return dirs;
    }

    /** The plan's live InfluxDB listener, for every share (the after-run figures are the merged run's). */
    private static java.util.Optional<ObjectNode> liveInflux(RunPlan plan) {
        return plan.metrics().influxdb().filter(MetricsExport.Influx::live).map(i -> {
            ObjectNode m = JSON.createObjectNode();
            m.put("job", plan.metrics().job());
            m.put("build", plan.metrics().build());
            if (!plan.metrics().result().isEmpty()) {
                m.put("result", plan.metrics().result());
            }
            m.putObject("influxdb").put("url", i.url().toString()).put("database", i.database()).put("live", true)
                    .put("afterRun", false).put("measurement", i.measurement());
            return m;
        });
    }

    /** One local JMeter with the plan's heap and JVM options. */
    private static ObjectNode generators(JsonNode original) {
        ObjectNode g = JSON.createObjectNode();
        g.put("type", "local");
        g.put("count", 1);
        if (original.has("heap")) {
            g.set("heap", original.get("heap"));
        }
        JsonNode jvmArgs = original.path("options").get("jvmArgs");
        if (jvmArgs != null) {
            g.putObject("options").set("jvmArgs", jvmArgs);
        }
        return g;
    }
}
