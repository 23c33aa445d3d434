package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.Note;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate note --build 412 [--label L] [--metric M] [--criterion C] TEXT}: writes down what was learned about
 * a build or a change point, in the history's notes (a lesson when tagged with a label or criterion).
 */
@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Adds a note about a recorded build or change point to the history's notes; tagged with "
                + "--label and/or --criterion it comes back when a later build fails that way.")
public final class NoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryDirOption historyDir = new HistoryDirOption();

    @Option(names = "--build", paramLabel = "N", required = true, description = "the recorded build it is about")
    long build;

    @Option(names = "--label", paramLabel = "LABEL", description = "the label it is about (TOTAL for overall)")
    String label;

    @Option(names = "--metric", paramLabel = "M", description = "the statistic of the change point it is about")
    String metric;

    @Option(names = "--criterion", paramLabel = "TEXT",
            description = "the criterion it is about, as written ('p95 < 800ms'), or just a statistic ('p95')")
    String criterion;

    @Option(names = "--author", paramLabel = "NAME", description = "who writes it (default: the user name)")
    String author;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "the note")
    String[] text;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DirectoryHistoryStore store = historyDir.store();
        try {
            History h = store.load();
            if (h.entry(build).isEmpty()) {
                err.println("perfgate note: build #" + build + " is not recorded in " + historyDir);
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
            Note note = new Note(build, label, metric, criterion,
                    author != null ? author : System.getProperty("user.name"), System.currentTimeMillis(),
                    String.join(" ", text));
            store.note(note);
            spec.commandLine().getOut().println("noted on " + note.subject());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("perfgate note: " + e.getMessage());
            return PerfgateCli.EXIT_USAGE;
        } catch (IOException e) {
            err.println("perfgate note: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
    }
}
