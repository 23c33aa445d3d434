package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.results.PhaseTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * The report's charts as SVG documents, in page order, each drawn by whichever thread comes to it first: the one
 * that writes it ({@link #svg}) or, once {@link #ahead} started it, a thread of their own. In a cold process the
 * charts are ~0.1 s of CPU, most of it JFreeChart's and Java 2D's static set-up, which that thread spends on the
 * otherwise idle core while the caller writes other files (the summary JSON). It keeps at most {@link #AHEAD}
 * charts drawn and not yet taken (a long trend's SVG can be large).
 */
final class ChartDrawing {

    /** Charts drawn ahead and not yet taken, at most. */
    static final int AHEAD = 2;

    private final List<ReportCharts.ChartFile> files;
    private final List<FutureTask<byte[]>> svgs = new ArrayList<>();
    private final Semaphore room = new Semaphore(AHEAD);
    private volatile boolean cancelled;

    ChartDrawing(List<ReportCharts.Planned> charts) {
        List<ReportCharts.ChartFile> names = new ArrayList<>();
        for (ReportCharts.Planned c : charts) {
            names.add(c.file());
            svgs.add(new FutureTask<>(c::svg));
        }
        files = List.copyOf(names);
    }

    /** The charts of {@code input}, none drawn yet: each is drawn when {@link #svg} asks for it. */
    static ChartDrawing of(ReportInput input) {
        return new ChartDrawing(ReportCharts.plan(input));
    }

    /** Starts drawing the charts in order on a daemon thread (it never keeps a process from ending). */
    ChartDrawing ahead() {
        Thread drawer = new Thread(this::drawAll, "perfgate-charts");
        drawer.setDaemon(true);
        drawer.start();
        return this;
    }

    private void drawAll() {
        for (FutureTask<byte[]> svg : svgs) {
            room.acquireUninterruptibly();
            if (cancelled) {
                return;
            }
            svg.run(); // a failure is kept in the task and thrown by svg(i)
            PhaseTrace.mark("chart drawn ahead");
        }
    }

    /** The charts' files, in page order. */
    List<ReportCharts.ChartFile> files() {
        return files;
    }

    /**
     * Chart {@code i}'s SVG document: drawn on this thread unless it is drawn or being drawn already (then waited
     * for). What drawing it threw is thrown here, as if it had been drawn here.
     */
    byte[] svg(int i) {
        FutureTask<byte[]> svg = svgs.get(i);
        svg.run(); // returns at once when the task is done or running on the other thread
        try {
            return svg.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("cannot draw chart " + files.get(i).fileName(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing chart " + files.get(i).fileName(), e);
        } finally {
            room.release();
        }
    }

    /** Stops drawing ahead: the report will not be written. A chart being drawn is finished and dropped. */
    void cancel() {
        cancelled = true;
        room.release(svgs.size());
    }
}
