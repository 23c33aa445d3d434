package io.jenkins.plugins.perfgate.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.agent.AgentFiles;
import io.jenkins.plugins.perfgate.agent.RunPlans;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.generators.AgentsRun;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.publication.KubeconfigFile;
import io.jenkins.plugins.perfgate.publication.MetricsCredentials;
import io.jenkins.plugins.perfgate.publication.Publication;
import io.jenkins.plugins.perfgate.publication.PublishedMetrics;
import io.jenkins.plugins.perfgate.publication.TemplateSecrets;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the entry points do in a workspace: run a load test there, or summarise result files found there, each by
 * the perfgate command line on the workspace's node ({@link AgentCli}); then publish the summary on the build.
 */
public final class WorkspaceRun {

    static final String SUMMARY = "summary.json";
    private static final java.util.regex.Pattern REPETITION = java.util.regex.Pattern.compile("rep-[0-9]{1,6}");

    private WorkspaceRun() {
    }

    /** Runs the test of {@code s} on the workspace's node and publishes it. */
    static PerfgateBuildAction test(Run<?, ?> run, FilePath ws, Launcher launcher, EnvVars env,
            TaskListener listener, TestSettings s) throws IOException, InterruptedException {
        // a kubeconfig credential lives in a private file on the node for the run only, whatever happens
        try (KubeconfigFile kubeconfig = KubeconfigFile.write(run, ws, env.expand(
                s.effectiveKubeconfigCredentialsId()))) {
            return test(run, ws, launcher, env, listener, s, kubeconfig.path());
        }
    }

    private static PerfgateBuildAction test(Run<?, ?> run, FilePath ws, Launcher launcher, EnvVars env,
            TaskListener listener, TestSettings s, String kubeconfig) throws IOException, InterruptedException {
        String outputDir = s.outputDir(env);
        FilePath out = freshOutput(ws, outputDir);
        // the folder is perfgate's: results of an earlier build there would be appended to (JMeter appends to an
        // existing result file) and counted again
        out.deleteContents();
        RunPlans.Written plan = RunPlans.write(s, env, ws, out, run.getParent().getName().replaceAll("\\W", "_")
                + "-" + run.getNumber(), kubeconfig);
        String title = plan.title();
        // secret template properties: resolved here (the build's credentials), masked in the log, never stored
        TemplateSecrets secrets = TemplateSecrets.resolve(run, s.parsedSecretProperties());
        FilePath summaryFile = out.child(SUMMARY);
        RunSummary summary;
        try {
            // everything until the command line ends is inside: whatever fails, the plan copy goes
            PlanCopies.removeStale(run, plan, listener);
            AgentCli.log(listener, "running " + title + " on " + nodeName(ws) + " (results in " + outputDir + ")");
            // the plan's criteria are judged here, against the job's history, not by the command line
            List<String> options = new ArrayList<>();
            if (s.getApdexT() > 0) {
                options.add("--apdex-t");
                options.add(Integer.toString(s.getApdexT()));
            }
            options.addAll(s.groupingArguments());
            if (plan.agents() != null) {
                // each agent's command line gets the secrets (and metrics credentials) in its environment only
                EnvVars agentEnv = new EnvVars();
                if (s.getMetrics()) {
                    MetricsCredentials.addTo(run, agentEnv, listener);
                }
                secrets.addTo(agentEnv);
                summary = secrets.redact(AgentsRun.run(new AgentsRun.Request(run, ws, launcher, env, listener,
                        plan.agents(), plan.file(), out, options, s.getArchiveResults(), agentEnv,
                        secrets.masked())));
                if (s.getMetrics()) {
                    // each agent ran a share; the whole run's figures are exported once, merged
                    PublishedMetrics.export(run, summary, env, s.getId(), listener);
                }
            } else {
                List<String> args = new ArrayList<>(List.of("run", plan.file().getRemote(), "--out",
                        out.getRemote(), "--no-gate"));
                args.addAll(options);
                EnvVars processEnv = new EnvVars(env);
                if (s.getMetrics()) {
                    MetricsCredentials.addTo(run, processEnv, listener);
                }
                secrets.addTo(processEnv);
                int code = AgentCli.run(ws, launcher, processEnv, listener, args, secrets.masked());
                if (!summaryFile.exists()) {
                    throw new AbortException("perfgate: the test wrote no results (exit code " + code + ")");
                }
                // what the agent wrote is redacted again before anything is stored here
                summary = secrets.redact(SummaryJson.fromJson(AgentFiles.summary(summaryFile)));
            }
        } finally {
            PlanCopies.remove(plan, listener);
        }
        archive(run, ws, launcher, listener, s, out);
        if (!s.publish()) {
            AgentCli.log(listener, "publish: false: results stay in " + relative(ws, out) + ", no gate here");
            return Publication.unpublished(s.getId(), summary, title, relative(ws, summaryFile));
        }
        return Publication.publish(run, listener, env, summary, s, plan.gate(), repeatedRuns(out), title,
                relative(ws, summaryFile));
    }

    /** Summarises the result files matching {@code glob} on the workspace's node and publishes them. */
    static PerfgateBuildAction publish(Run<?, ?> run, FilePath ws, Launcher launcher, EnvVars env,
            TaskListener listener, String glob, PublishSettings s) throws IOException, InterruptedException {
        String pattern = env.expand(glob);
        FilePath[] files = ws.list(pattern, null, false);
        if (files.length == 0) {
            throw new AbortException("perfgate: no result files match '" + pattern + "' in the workspace " + ws);
        }
        FilePath out = freshOutput(ws, s.outputDir(env));
        FilePath summaryFile = out.child(SUMMARY);
        List<String> args = new ArrayList<>(List.of("report", "--out", summaryFile.getRemote()));
        if (s.getApdexT() > 0) {
            args.add("--apdex-t");
            args.add(Integer.toString(s.getApdexT()));
        }
        args.addAll(s.groupingArguments());
        for (FilePath f : files) {
            args.add(f.getRemote());
        }
        AgentCli.log(listener, "summarising " + files.length + " result file(s) matching " + pattern);
        int code = AgentCli.run(ws, launcher, env, listener, args);
        if (!summaryFile.exists()) {
            throw new AbortException("perfgate: the result files could not be read (exit code " + code + ")");
        }
        RunSummary summary = TemplateSecrets.none().redact(SummaryJson.fromJson(AgentFiles.summary(summaryFile)));
        if (s.getMetrics()) {
            PublishedMetrics.export(run, summary, env, s.getId(), listener);
        }
        if (s.getArchiveResults()) {
            run.pickArtifactManager().archive(ws, launcher, jenkins.util.BuildListenerAdapter.wrap(listener),
                    artifactMap(ws, files));
        }
        return Publication.publish(run, listener, env, summary, s, RunPlans.PlanGate.NONE, RepeatedRuns.NONE,
                "results " + pattern,
                relative(ws, summaryFile));
    }

    private static FilePath freshOutput(FilePath ws, String outputDir) throws IOException, InterruptedException {
        FilePath out = ws.child(outputDir);
        if (out.exists()) {
            // never publish a summary left over from an earlier build
            out.child(SUMMARY).delete();
        }
        out.mkdirs();
        return out;
    }

    private static void archive(Run<?, ?> run, FilePath ws, Launcher launcher, TaskListener listener,
            PublishSettings s, FilePath out) throws IOException, InterruptedException {
        if (!s.getArchiveResults()) {
            return;
        }
        FilePath[] jtls = out.list("**/*.jtl,**/*.jtl.gz,**/*.csv,**/*.xml", null, false);
        if (jtls.length > 0) {
            run.pickArtifactManager().archive(ws, launcher, jenkins.util.BuildListenerAdapter.wrap(listener),
                    artifactMap(ws, jtls));
        }
    }

    private static Map<String, String> artifactMap(FilePath ws, FilePath[] files) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (FilePath f : files) {
            String rel = relative(ws, f);
            m.put(rel, rel);
        }
        return m;
    }

    static String relative(FilePath ws, FilePath f) {
        String base = ws.getRemote();
        String p = f.getRemote();
        if (p.startsWith(base)) {
            p = p.substring(base.length());
            while (p.startsWith("/") || p.startsWith("\\")) {
                p = p.substring(1);
            }
        }
        return p.replace('\\', '/');
    }

    private static String nodeName(FilePath ws) {
        hudson.model.Computer c = ws.toComputer();
        return c == null || c.getName().isEmpty() ? "the built-in node" : "agent " + c.getName();
    }

    /** The repetitions a plan with {@code repeat: k} left in rep-i/ (and the interleaved baseline's in baseline/). */
    static RepeatedRuns repeatedRuns(FilePath out) throws IOException, InterruptedException {
        return new RepeatedRuns(summaries(out, "rep-*/" + SUMMARY), summaries(out, "baseline/rep-*/" + SUMMARY));
    }

    private static List<RunSummary> summaries(FilePath out, String glob) throws IOException, InterruptedException {
        // only rep-N folders are repetitions (a rep-x or rep-99999999999 of someone else's is not, and must not
        // fail the build); they are taken in the order of N
        List<FilePath> files = new ArrayList<>();
        for (FilePath f : out.list(glob, null, false)) {
            if (REPETITION.matcher(java.util.Objects.requireNonNull(f.getParent()).getName()).matches()) {
                files.add(f);
            }
        }
        files.sort(java.util.Comparator.comparingInt((FilePath f) -> Integer.parseInt(
                java.util.Objects.requireNonNull(f.getParent()).getName().substring("rep-".length()))));
        List<RunSummary> list = new ArrayList<>();
        for (FilePath f : files) {
            list.add(SummaryJson.fromJson(AgentFiles.summary(f)));
        }
        return list;
    }
}
