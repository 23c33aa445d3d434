package io.jenkins.plugins.perfgate.engine.results;

/**
 * What every reader of another tool's samples does besides parsing: passes samples on to the sink,
 * counts them, reports them to the progress line every 4096 samples and at the end, files a line's problem as
 * malformed (or as a cut-off tail when it is the file's last line), and keeps the active users or virtual users
 * seen so far (the samples' thread count). Shared by {@link GatlingLogReader} (binary and text), {@link K6CsvReader}
 * and {@link K6JsonReader}. Not thread-safe: one per file.
 */
final class ToolSamples {

    private final ProblemLog log;
    private final SampleSink sink;
    /** Null when nobody watches. */
    private final ReadProgress progress;
    private long samples;
    private long reported;
    private int active;

    ToolSamples(ProblemLog log, SampleSink sink, ReadProgress progress) {
        this.log = log;
        this.sink = sink;
        this.progress = progress;
    }

    /** Passes one sample on. */
    void accept(Sample s) {
        sink.accept(s);
        samples++;
        if ((samples & 0xfff) == 0) {
            report();
        }
    }

    /** A line that was skipped: a cut-off tail when it is the file's last line, else malformed. */
    void problem(NumberedLines at, String field, String why) {
        at.problem(log, field, why);
    }

    /** Active (virtual) users now: the thread count of the samples that follow. */
    int active() {
        return active;
    }

    void active(int users) {
        active = Math.max(0, users);
    }

    /** Reports what is left and returns the samples passed on. */
    long finish() {
        report();
        return samples;
    }

    private void report() {
        if (progress != null) {
            progress.add(0, samples - reported);
            reported = samples;
        }
    }
}
