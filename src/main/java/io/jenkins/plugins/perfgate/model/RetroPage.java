package io.jenkins.plugins.perfgate.model;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.history.CheckOutcome;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.Note;
import io.jenkins.plugins.perfgate.engine.retro.RetroFormat;
import io.jenkins.plugins.perfgate.engine.retro.Retrospective;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * {@code job/NAME/perfgate[-ID]/retro?from=v1.3&to=v1.4}: the retrospective of a release range of one result id's
 * history ({@link Retrospective}, the engine's, as {@code perfgate retro} prints it), its Markdown, CSV and JSON
 * downloads ({@code retro/markdown}, {@code retro/csv}, {@code retro/json}) and the form that adds a note about a
 * build or change point ({@code retro/note}: POST with the crumb, Item/Configure). Reading needs Item/Read.
 */
public final class RetroPage {

    private static final Logger LOGGER = Logger.getLogger(RetroPage.class.getName());

    private final Job<?, ?> job;
    private final String id;
    private final String urlName;

    RetroPage(Job<?, ?> job, String id, String urlName) {
        this.job = job;
        this.id = id;
        this.urlName = urlName;
    }

    private JobHistoryStore store() {
        return new JobHistoryStore(job, id);
    }

    /** The page: the range picker, and the retrospective when both tags are given (400 naming a bad tag). */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        job.checkPermission(Item.READ);
        History history = store().load();
        String from = trim(req.getParameter("from"));
        String to = trim(req.getParameter("to"));
        Retrospective retro = null;
        if (!from.isEmpty() || !to.isEmpty()) {
            try {
                retro = retro(history, from, to);
            } catch (IllegalArgumentException e) {
                rsp.sendError(400, e.getMessage());
                return;
            }
        }
        RetroView view = new RetroView(job, urlName, tags(history), from, to, retro,
                job.hasPermission(Item.CONFIGURE));
        req.getView(view, "index.jelly").forward(req, rsp);
    }

    /** {@code retro/markdown?from=&to=}: the retrospective as Markdown, for the meeting. */
    public void doMarkdown(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        export(req, rsp, "text/markdown", "md");
    }

    /** {@code retro/csv?from=&to=}: one row per fact, with a section column. */
    public void doCsv(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        export(req, rsp, "text/csv", "csv");
    }

    /** {@code retro/json?from=&to=}. */
    public void doJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        export(req, rsp, "application/json", "json");
    }

    private void export(StaplerRequest2 req, StaplerResponse2 rsp, String type, String ext) throws IOException {
        job.checkPermission(Item.READ);
        Retrospective r;
        try {
            r = retro(store().load(), trim(req.getParameter("from")), trim(req.getParameter("to")));
        } catch (IllegalArgumentException e) {
            rsp.sendError(400, e.getMessage());
            return;
        }
        String body = switch (ext) {
            case "md" -> RetroFormat.markdown(r);
            case "csv" -> RetroFormat.csv(r);
            default -> RetroFormat.json(r);
        };
        rsp.setContentType(type + ";charset=UTF-8");
        String name = (job.getFullName() + "-" + urlName + "-retro-" + r.fromTag() + "-" + r.toTag())
                .replaceAll("[^A-Za-z0-9._-]", "_");
        rsp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + ext + "\"");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a note about a build (and, with {@code label} and {@code metric}, one of its change points; with
     * {@code label} and/or {@code criterion}, a lesson for later failures), then shows the range again.
     */
    @RequirePOST
    public HttpResponse doNote(@QueryParameter String build, @QueryParameter String label,
            @QueryParameter String metric, @QueryParameter String criterion, @QueryParameter String text,
            @QueryParameter String from, @QueryParameter String to) throws IOException {
        job.checkPermission(Item.CONFIGURE);
        long number;
        try {
            number = Long.parseLong(trim(build));
        } catch (NumberFormatException e) {
            return HttpResponses.error(400, "build: give the number of a build of this performance history");
        }
        if (store().load().entry(number).isEmpty()) {
            return HttpResponses.error(400, "build #" + number + " is not in the performance history");
        }
        Note note;
        try {
            note = new Note(number, label, metric, criterion, Jenkins.getAuthentication2().getName(),
                    System.currentTimeMillis(), text);
        } catch (IllegalArgumentException e) {
            return HttpResponses.error(400, e.getMessage());
        }
        store().note(note);
        LOGGER.fine(() -> "perfgate: " + note.author() + " noted on " + note.subject() + " of " + job.getFullName());
        String back = trim(from).isEmpty() ? "." : ".?from=" + enc(from) + "&to=" + enc(to);
        return HttpResponses.redirectTo(back);
    }

    private Retrospective retro(History history, String from, String to) throws IOException {
        return Retrospective.of(history, from, to, store().notes(), this::failed);
    }

    /** The criteria a build did not pass, from its perfgate record of this result id. */
    private List<CheckOutcome> failed(long number) {
        Run<?, ?> run = job.getBuildByNumber((int) number);
        List<CheckOutcome> out = new ArrayList<>();
        if (run == null) {
            return out;
        }
        for (PerfgateBuildAction a : run.getActions(PerfgateBuildAction.class)) {
            if (!a.getId().equals(id)) {
                continue;
            }
            for (GateLine l : a.getCriteria()) {
                if ("FAIL".equals(l.getOutcome()) || "UNSTABLE".equals(l.getOutcome())) {
                    out.add(new CheckOutcome(l.getCriterion(), l.getLabel(), l.getOutcome(),
                            l.getValue() + " (" + l.getThreshold() + ") " + l.getDetail()));
                }
            }
        }
        return out;
    }

    /** The release tags of the history, oldest first. */
    static List<String> tags(History history) {
        return history.entries().stream().map(e -> e.build().releaseTag()).filter(t -> !t.isEmpty()).distinct()
                .toList();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String enc(String s) {
        return URLEncoder.encode(trim(s), StandardCharsets.UTF_8);
    }
}
