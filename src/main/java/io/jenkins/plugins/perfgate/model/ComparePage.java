package io.jenkins.plugins.perfgate.model;

import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.perfgate.charts.Charts;
import io.jenkins.plugins.perfgate.engine.gate.BuildComparison;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * {@code job/NAME/perfgate[-ID]/compare?a=41&b=57}: build B compared with build A of one result id's history, every
 * statistic per label with its change and significance ({@link BuildComparison}), and the two runs' over-time charts
 * overlaid ({@code compare/chart?a=&b=&kind=}). Read-only: Item/Read.
 */
public final class ComparePage {

    private final Job<?, ?> job;
    private final String id;
    private final String urlName;

    ComparePage(Job<?, ?> job, String id, String urlName) {
        this.job = job;
        this.id = id;
        this.urlName = urlName;
    }

    /** The page: 400 naming the problem when a build is not given or not in the history. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        job.checkPermission(Item.READ);
        JobHistoryStore store = new JobHistoryStore(job, id);
        History history = store.load();
        Optional<HistoryEntry> a = entry(history, req.getParameter("a"));
        Optional<HistoryEntry> b = entry(history, req.getParameter("b"));
        String problem = problem(req.getParameter("a"), a, req.getParameter("b"), b);
        if (problem != null) {
            rsp.sendError(400, problem);
            return;
        }
        // the gate's noise options (window, alpha) are the engine's defaults in Jenkins
        CompareView view = new CompareView(job, urlName,
                BuildComparison.of(a.get(), b.get(), history, GateOptions.defaults()));
        req.getView(view, "index.jelly").forward(req, rsp);
    }

    /**
     * The history table's "Compare A and B" form: a POST (so Jenkins' crumb travels in the body, not in a URL) that
     * redirects to the shareable {@code compare?a=&b=}.
     */
    @RequirePOST
    public HttpResponse doPick(@QueryParameter String a, @QueryParameter String b) {
        job.checkPermission(Item.READ);
        long na = number(a);
        long nb = number(b);
        if (na < 1 || nb < 1) {
            return HttpResponses.error(400, "pick a build A and a build B");
        }
        return HttpResponses.redirectTo("./?a=" + na + "&b=" + nb);
    }

    /** Over-time chart of both runs: {@code chart?a=41&b=57&kind=p95|throughput|errors}. */
    public void doChart(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        job.checkPermission(Item.READ);
        JobHistoryStore store = new JobHistoryStore(job, id);
        Optional<RunSummary> a = summary(store, req.getParameter("a"));
        Optional<RunSummary> b = summary(store, req.getParameter("b"));
        if (a.isEmpty() || b.isEmpty() || req.getParameter("a").equals(req.getParameter("b"))) {
            rsp.sendError(404, "no run summary stored for one of the builds");
            return;
        }
        String kind = Optional.ofNullable(req.getParameter("kind")).orElse("p95");
        byte[] png = Charts.overlayPng(kind, a.get(), "#" + req.getParameter("a").trim(), b.get(),
                "#" + req.getParameter("b").trim(), 720, 260);
        rsp.setContentType("image/png");
        rsp.setHeader("Cache-Control", "max-age=3600");
        rsp.getOutputStream().write(png);
    }

    private static Optional<RunSummary> summary(JobHistoryStore store, String number) throws IOException {
        long n = number(number);
        return n < 1 ? Optional.empty() : store.summary(n);
    }

    private static Optional<HistoryEntry> entry(History history, String number) {
        long n = number(number);
        return n < 1 ? Optional.empty() : history.entry(n);
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String problem(String aText, Optional<HistoryEntry> a, String bText, Optional<HistoryEntry> b) {
        if (aText == null || bText == null) {
            return "pick two builds: compare?a=BASELINE&b=CURRENT (build numbers)";
        }
        if (a.isEmpty()) {
            return "a=" + aText + ": no such build in this performance history";
        }
        if (b.isEmpty()) {
            return "b=" + bText + ": no such build in this performance history";
        }
        if (a.get().number() == b.get().number()) {
            return "a and b are the same build: pick two different builds";
        }
        return null;
    }
}
