package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.retro.RetroFormat;
import io.jenkins.plugins.perfgate.engine.retro.Retrospective;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code perfgate retro --from TAG --to TAG}: the retrospective of a release range, Markdown, CSV and JSON. */
@Command(name = "retro", mixinStandardHelpOptions = true,
        description = "Retrospective of a release range: change points, failed criteria, release-over-release table,"
                + " measured noise and notes, as Markdown (standard output or --markdown FILE), CSV and JSON.")
public final class RetroCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryDirOption historyDir = new HistoryDirOption();

    @Option(names = "--from", paramLabel = "TAG", required = true, description = "the older release tag")
    String from;

    @Option(names = "--to", paramLabel = "TAG", required = true, description = "the newer release tag")
    String to;

    @Option(names = "--markdown", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
            description = "Markdown to FILE (without FILE, or '-': to standard output, the default)")
    String markdown;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write it as CSV")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "also write it as JSON")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DirectoryHistoryStore store = historyDir.store();
        Retrospective retro;
        try {
            History history = store.load();
            history.warnings().forEach(w -> err.println("warning: " + w));
            retro = Retrospective.of(history, from, to, store.notes(), store::failed);
        } catch (IllegalArgumentException e) {
            err.println("perfgate retro: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        } catch (IOException e) {
            err.println("perfgate retro: cannot read " + historyDir + ": " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        try {
            String md = RetroFormat.markdown(retro);
            if (markdown == null || markdown.equals("-")) {
                out.print(md);
                out.flush();
            } else {
                ExportFile.write(Path.of(markdown), md);
            }
            if (csv != null) {
                ExportFile.write(csv, RetroFormat.csv(retro));
            }
            if (json != null) {
                ExportFile.write(json, RetroFormat.json(retro));
            }
        } catch (IOException e) {
            err.println("perfgate retro: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        return 0;
    }
}
