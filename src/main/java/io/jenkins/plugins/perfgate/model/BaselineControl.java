package io.jenkins.plugins.perfgate.model;

import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The build page's baseline buttons ({@code .../42/perfgate/marks/pin|accept|unpin}): pin this build as the baseline
 * of later builds, accept its change as the new level, or remove the pin. Each is a POST with Jenkins' CSRF crumb,
 * needs Item/Configure on the job and a reason (except unpin), and is appended to the job's audit list of this
 * result id ({@link JobHistoryStore#mark}), which every baseline policy of later builds honours.
 */
public final class BaselineControl {

    private static final Logger LOGGER = Logger.getLogger(BaselineControl.class.getName());

    private final Run<?, ?> run;
    private final String id;

    BaselineControl(Run<?, ?> run, String id) {
        this.run = run;
        this.id = id;
    }

    private JobHistoryStore store() {
        return new JobHistoryStore(run.getParent(), id);
    }

    /** The audit list, or none when it cannot be read (logged; the gate itself reports the error). */
    private BaselineMarks marks() {
        try {
            return store().marks();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "perfgate: cannot read the baseline marks of " + run.getParent().getFullName(), e);
            return BaselineMarks.NONE;
        }
    }

    /** Whether the current user may pin, accept and unpin. */
    public boolean isCanManage() {
        return run.getParent().hasPermission(Item.CONFIGURE);
    }

    /** The pin in force on this build, or null. */
    public BaselineMark getPin() {
        BaselineMarks m = marks();
        return m.pinned().isPresent() && m.pinned().getAsLong() == run.getNumber()
                ? m.inForce(run.getNumber()).orElse(null) : null;
    }

    /** The accept in force on this build, or null. */
    public BaselineMark getAccept() {
        BaselineMarks m = marks();
        return m.accepted().isPresent() && m.accepted().getAsLong() == run.getNumber()
                ? m.inForce(run.getNumber()).orElse(null) : null;
    }

    /** Pins this build as the baseline of every later build of this result id. */
    @RequirePOST
    public HttpResponse doPin(@QueryParameter String reason) throws IOException {
        return mark(BaselineMark.Kind.PIN, reason);
    }

    /** Accepts this build's change: later builds are judged against this build and the builds after it. */
    @RequirePOST
    public HttpResponse doAccept(@QueryParameter String reason) throws IOException {
        return mark(BaselineMark.Kind.ACCEPT, reason);
    }

    /** Removes the pin of this build. */
    @RequirePOST
    public HttpResponse doUnpin(@QueryParameter String reason) throws IOException {
        if (getPin() == null) {
            return HttpResponses.error(400, "build #" + run.getNumber() + " is not pinned");
        }
        return mark(BaselineMark.Kind.UNPIN, reason);
    }

    private HttpResponse mark(BaselineMark.Kind kind, String reason) throws IOException {
        run.getParent().checkPermission(Item.CONFIGURE);
        Optional<HistoryEntry> entry = store().load().entry(run.getNumber());
        if (entry.isEmpty()) {
            return HttpResponses.error(400, "build #" + run.getNumber() + " is not in the performance history");
        }
        if (kind != BaselineMark.Kind.UNPIN && entry.get().figures().status() != RunStatus.COMPLETE) {
            return HttpResponses.error(400, "build #" + run.getNumber() + " cannot be a baseline: its run was "
                    + entry.get().figures().status());
        }
        BaselineMark mark;
        try {
            mark = new BaselineMark(kind, run.getNumber(), Jenkins.getAuthentication2().getName(),
                    System.currentTimeMillis(), reason);
        } catch (IllegalArgumentException e) {
            return HttpResponses.error(400, e.getMessage());
        }
        store().mark(mark);
        LOGGER.info(() -> "perfgate: " + mark.user() + " " + mark.describe() + " of " + run.getParent().getFullName()
                + (id.isEmpty() ? "" : " (" + id + ")") + ": " + mark.reason());
        return HttpResponses.redirectTo("..");
    }
}
