package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.PlanClassCheck;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.metrics.BasicAuth;
import io.jenkins.plugins.perfgate.engine.runner.metrics.InfluxRelay;
import io.jenkins.plugins.perfgate.engine.runner.metrics.LivePush;
import io.jenkins.plugins.perfgate.engine.runner.metrics.MetricsExporter;
import io.jenkins.plugins.perfgate.engine.runner.metrics.MetricsText;
import io.jenkins.plugins.perfgate.engine.runner.plan.Durations;
import io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.Redaction;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one plan end to end: starts the generators through their provider, follows their result files with live
 * progress, ends the run at the plan's end, the time limit, an abort criterion or {@link #cancel}, always leaves no
 * process behind, summarises every result recorded into {@code summary.json} and exports metrics.
 */
public final class PlanRunner {

    /** Summary file name in the output folder. */
    public static final String SUMMARY_FILE = "summary.json";

    private static final long TICK_MILLIS = 250;
    private static final long STOP_GRACE_MILLIS = 5_000;
    private static final long CANCEL_GRACE_MILLIS = 1_500;
    private static final int LOG_TAIL_LINES = 15;

    private final RunPlan plan;
    private final GeneratorProviders providers;
    private final JMeterInstallation jmeter;
    private final Path outDir;
    private final Consumer<String> out;
    private final boolean quiet;
    private AggregationOptions aggregation = AggregationOptions.defaults();
    private volatile String cancelReason;
    private volatile GeneratorFleet fleet;
    private Map<String, String> secretProperties = Map.of();
    /** Whether each progress line is followed by a {@link LiveWindow} line (for a caller judging abort criteria). */
    private boolean windowLines;
    /** The private file holding the secret properties during the run; null when there are none. */
    private Path secretFile;
    /** Adds InfluxDB credentials to the live listener's writes; null when not needed. */
    private InfluxRelay relay;
    /** Pushes the figures so far to the Pushgateway; null when the plan wants no live push. */
    private LivePush livePush;

    public PlanRunner(RunPlan plan, GeneratorProviders providers, JMeterInstallation jmeter, Path outDir,
            Consumer<String> out, boolean quiet) {
        this.plan = plan;
        this.providers = providers;
        this.jmeter = jmeter;
        this.outDir = outDir.toAbsolutePath().normalize();
        this.out = out;
        this.quiet = quiet;
    }

    /** How the results are summarised (Apdex T, label filters...); the defaults unless set before {@link #run}. */
    public PlanRunner withAggregation(AggregationOptions options) {
        this.aggregation = java.util.Objects.requireNonNull(options);
        return this;
    }

    /**
     * Template properties that are secrets ({@link SecretProperties}): JMeter reads them from a private file
     * deleted after the run; the summary records their names only.
     */
    public PlanRunner withSecretProperties(Map<String, String> secrets) {
        this.secretProperties = Map.copyOf(secrets);
        return this;
    }

    /**
     * Follows each progress line with the live window as a machine-readable line ({@link LiveWindow}): the Jenkins
     * controller merges its generator agents' windows and judges the abort criteria on them.
     */
    public PlanRunner withWindowLines(boolean on) {
        this.windowLines = on;
        return this;
    }

    /** Stops the run as soon as possible (Ctrl-C, an aborted build); thread-safe. */
    public void cancel(String reason) {
        cancelReason = reason;
    }

    /** Process ids of the generators started so far (for diagnostics and tests). */
    public List<Long> pids() {
        GeneratorFleet f = fleet;
        return f == null ? List.of() : f.pids();
    }

    public RunOutcome run() throws IOException {
        try {
            return execute();
        } finally {
            GeneratorFleet f = fleet;
            if (f != null) {
                f.kill();
            }
            if (relay != null) {
                relay.close();
            }
            if (livePush != null) {
                livePush.close();
            }
            if (secretFile != null) {
                SecretProperties.delete(secretFile);
            }
        }
    }

    private RunOutcome execute() throws IOException {
        Files.createDirectories(outDir);
        List<String> earlier = LaunchContext.removeEarlierResults(outDir);
        if (!earlier.isEmpty()) {
            out.accept("[perfgate] " + outDir + " held an earlier run's results (" + String.join(", ", earlier)
                    + "): deleted, so that this run's summary counts this run only");
        }
        MetricsExporter exporter = new MetricsExporter(plan, out);
        Path testPlan = prepareTestPlan(exporter);
        livePush = exporter.livePush().orElse(null);
        LiveFigures figures = livePush == null ? null : new LiveFigures(aggregation);
        if (!secretProperties.isEmpty()) {
            secretFile = SecretProperties.write(secretProperties);
        }
        LaunchContext context = new LaunchContext(plan, jmeter, testPlan, outDir, properties(), out,
                Optional.ofNullable(secretFile));
        GeneratorProvider provider = providers.forType(plan.generators().type());
        if (provider.runsLocalJMeter()) {
            // local generators run this JMeter home: a class it lacks fails the run now, not halfway into loading
            List<PlanClassCheck.Missing> missing = PlanClassCheck.of(jmeter.home(), jmeter.addons().all()).missing(testPlan);
            if (!missing.isEmpty()) {
                throw new IOException(PlanClassCheck.message(plan.template(), missing));
            }
        }
        out.accept("perfgate: running " + plan.name() + " (" + plan.template().getFileName() + ") on "
                + plan.generators().size() + " " + provider.type() + " generator(s), JMeter " + jmeter.version()
                + (plan.plannedDuration().isZero() ? "" : ", planned " + Durations.format(plan.plannedDuration()))
                + (plan.effectiveTimeLimit().isZero() ? "" : ", time limit " + Durations.format(plan.effectiveTimeLimit())));
        long start = System.currentTimeMillis();
        fleet = provider.start(context);
        if (cancelReason != null) {
            fleet.kill();
        }

        List<JtlTail> tails = fleet.resultFiles().stream().map(JtlTail::new).toList();
        long windowMillis = plan.sampling().progressInterval().toMillis();
        LiveStats stats = new LiveStats(windowMillis);
        fleet.generators().forEach(g -> stats.generator(g.id()));
        if (figures != null) {
            fleet.generators().forEach(g -> figures.generator(g.id()));
            // dashboards show the build as running from its start, before the first interval's figures
            livePush.offer(MetricsText.prometheusLive(figures.summary(), 0, figures.samplesByGenerator()));
        }
        AbortWatch abort = new AbortWatch(plan.abort());
        Set<String> reportedFailures = new HashSet<>();
        RunStatus status = RunStatus.COMPLETE;
        String reason = "";
        long nextProgress = start + windowMillis;
        while (true) {
            long now = System.currentTimeMillis();
            poll(tails, stats, figures, now);
            reportFailures(stats, reportedFailures);
            LiveStats.Snapshot snapshot = stats.snapshot(now);
            if (fleet.finished()) {
                break;
            }
            Optional<String> breach = abort.check(snapshot, now);
            if (cancelReason != null) {
                status = RunStatus.ABORTED;
                reason = cancelReason;
                stop(CANCEL_GRACE_MILLIS);
                break;
            } else if (breach.isPresent()) {
                status = RunStatus.ABORTED;
                reason = breach.get();
                out.accept("perfgate: aborting: " + reason);
                stop(STOP_GRACE_MILLIS);
                break;
            } else if (!plan.effectiveTimeLimit().isZero() && now - start >= plan.effectiveTimeLimit().toMillis()) {
                status = RunStatus.TIMED_OUT;
                reason = "time limit of " + Durations.format(plan.effectiveTimeLimit()) + " reached; generators stopped";
                out.accept("perfgate: " + reason);
                stop(STOP_GRACE_MILLIS);
                break;
            }
            if (now >= nextProgress) {
                if (!quiet) {
                    out.accept(ProgressLine.format(now - start, plan.plannedDuration(), snapshot, fleet.generators()));
                }
                if (windowLines) {
                    out.accept(stats.window(now).format());
                }
                if (livePush != null) {
                    livePush.offer(MetricsText.prometheusLive(figures.summary(), snapshot.activeThreads(),
                            figures.samplesByGenerator()));
                }
                nextProgress = Math.max(nextProgress + windowMillis, now + windowMillis / 2);
            }
            sleep(TICK_MILLIS);
        }
        fleet.kill();
        if (cancelReason != null && status == RunStatus.COMPLETE) {
            status = RunStatus.ABORTED;
            reason = cancelReason;
        }
        poll(tails, stats, figures, System.currentTimeMillis());
        if (livePush != null) {
            // waits for a push in flight: the after-run push below must be the last word
            livePush.close();
        }
        reportFailures(stats, reportedFailures);
        long end = System.currentTimeMillis();
        out.accept(ProgressLine.formatFinal(end - start, stats.snapshot(end), fleet.generators()));

        List<String> failed = fleet.generators().stream().filter(g -> g.state() == Generator.State.FAILED)
                .map(Generator::id).toList();
        if (!failed.isEmpty() && status == RunStatus.COMPLETE) {
            status = RunStatus.INCOMPLETE;
            reason = failed.size() == fleet.generators().size() ? "every generator failed"
                    : "generator(s) " + String.join(", ", failed) + " failed; the others' results are kept";
        }
        List<Summarizer.Source> sources = sources(fleet.resultFiles());
        RunSummary summary = new Summarizer(aggregation, ReadOptions.defaults())
                .summarizeAvailable(sources);
        RunStatus finalStatus = status.worst(summary.status());
        String finalReason = status == RunStatus.COMPLETE ? summary.statusReason()
                : summary.status() == RunStatus.NO_RESULTS ? reason + "; " + summary.statusReason() : reason;
        summary = Redaction.summary(summary.withStatus(finalStatus, finalReason)
                .withAttributes(attributes(start, end, failed)));
        Path summaryFile = outDir.resolve(SUMMARY_FILE);
        SummaryJson.write(summary, summaryFile);
        exporter.afterRun(summary);
        out.accept("perfgate: " + finalStatus + (finalReason.isEmpty() ? "" : " (" + finalReason + ")") + "; "
                + summary.overall().count() + " samples; summary " + summaryFile);
        return new RunOutcome(finalStatus, finalReason, summary, summaryFile,
                sources.stream().map(Summarizer.Source::path).toList(), failed);
    }

    private Path prepareTestPlan(MetricsExporter exporter) throws IOException {
        Optional<MetricsExport.Influx> influx = plan.metrics().influxdb().filter(MetricsExport.Influx::live);
        if (influx.isEmpty()) {
            return plan.template();
        }
        exporter.prepareInflux(influx.get());
        String writeUrl = exporter.influxWriteUrl(influx.get());
        Optional<BasicAuth> auth = exporter.influxAuth(influx.get());
        if (auth.isPresent()) {
            if (plan.generators().servers().isEmpty()) {
                // JMeter's listener cannot send basic auth: it writes through a relay on 127.0.0.1 that adds it
                relay = InfluxRelay.start(influx.get().url(), influx.get().database(), auth.get());
                writeUrl = exporter.influxWriteUrl(new MetricsExport.Influx(relay.url(), influx.get().database(),
                        true, false, influx.get().measurement()));
            } else {
                out.accept("perfgate: warning: existing jmeter-servers send live metrics to InfluxDB without "
                        + "credentials (JMeter's listener cannot send basic auth; perfgate relays it only for "
                        + "JMeter JVMs on this machine)");
            }
        }
        Path copy = outDir.resolve(plan.template().getFileName());
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("build", plan.metrics().build());
        tags.put("template", templateName());
        // each generator JVM evaluates this itself: its perfgate id (gen-1, host:port), else its host name
        tags.put("generator", "${__P(perfgate.generator,${__machineName()})}");
        if (!plan.metrics().result().isEmpty()) {
            tags.put("result", plan.metrics().result());
        }
        JmxTransformer.addInfluxBackendListener(plan.template(), copy, writeUrl, relay == null ? "" : relay.token(),
                plan.metrics().job(), "jmeter", tags);
        // the copy holds the relay's per-run secret: readable by this user only (where the file system allows)
        ownerOnly(copy);
        return copy;
    }

    /** Recording settings perfgate relies on, then the plan's JMeter properties, then the template properties. */
    private Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jmeter.save.saveservice.output_format", "csv");
        p.put("jmeter.save.saveservice.print_field_names", "true");
        p.put("jmeter.save.saveservice.timestamp_format", "ms");
        p.put("jmeter.save.saveservice.default_delimiter", ",");
        p.put("jmeter.save.saveservice.autoflush", Boolean.toString(plan.sampling().flushEachSample()));
        p.putAll(plan.sampling().jmeterProperties());
        p.putAll(plan.properties());
        return p;
    }

    private void stop(long graceMillis) {
        fleet.requestStop();
        long deadline = System.currentTimeMillis() + graceMillis;
        while (!fleet.finished() && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
    }

    private void poll(List<JtlTail> tails, LiveStats stats, LiveFigures figures, long now) {
        for (JtlTail tail : tails) {
            try {
                for (JtlTail.Row row : tail.poll()) {
                    String generator = tail.file().generatorOf(row.threadName());
                    stats.add(generator, now, row);
                    if (figures != null) {
                        figures.add(generator, row);
                    }
                }
            } catch (IOException e) {
                out.accept("perfgate: cannot follow " + tail.file().path() + ": " + e.getMessage());
            }
        }
    }

    private void reportFailures(LiveStats stats, Set<String> reported) {
        for (Generator g : fleet.generators()) {
            Generator.State state = g.state();
            if (state != Generator.State.RUNNING) {
                stats.ended(g.id());
            }
            if (state == Generator.State.FAILED && reported.add(g.id())) {
                out.accept("perfgate: generator " + g.id() + " FAILED: " + g.failure() + "\n"
                        + g.logTail(LOG_TAIL_LINES));
            }
        }
    }

    private List<Summarizer.Source> sources(List<ResultFile> files) throws IOException {
        List<Summarizer.Source> sources = new ArrayList<>();
        for (ResultFile f : files) {
            if (!f.generator().isEmpty()) {
                sources.add(new Summarizer.Source(f.path(), f.generator()));
            } else if (Files.isRegularFile(f.path())) {
                JtlSplitter.split(f, outDir.resolve("generators/by-server"))
                        .forEach((id, p) -> sources.add(new Summarizer.Source(p, id)));
            } else {
                sources.add(new Summarizer.Source(f.path(), "controller"));
            }
        }
        return sources;
    }

    private Map<String, String> attributes(long start, long end, List<String> failed) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("plan", plan.name());
        a.put("template", templateName());
        a.put("generators.type", plan.generators().type());
        a.put("generators.count", Integer.toString(plan.generators().size()));
        a.put("jmeter.version", jmeter.version());
        a.put("run.start", Long.toString(start));
        a.put("run.end", Long.toString(end));
        a.put("build", plan.metrics().build());
        plan.properties().forEach((k, v) -> a.put("property." + k, v));
        secretProperties.keySet().forEach(k -> a.put("property." + k, Redaction.MASK));
        if (!failed.isEmpty()) {
            a.put("generators.failed", String.join(",", failed));
        }
        return a;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The template's file name, as metrics and run attributes show it. */
    private String templateName() {
        return Objects.requireNonNull(plan.template().getFileName(), "a template file has a name").toString();
    }


    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the output folder's ACL applies
        }
    }
}
