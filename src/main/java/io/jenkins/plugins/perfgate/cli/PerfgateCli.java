package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.gate.ExitCodes;
import io.jenkins.plugins.perfgate.engine.results.PhaseTrace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The perfgate command line: {@code perfgate <command> ...}. Subcommands live beside this class.
 *
 * <p>A process builds only the subcommand it runs ({@link #commandLine(String...)}): picocli builds a command's
 * model by reflection over its annotations, and all twelve took about 150 ms of CPU at every start, a third of
 * {@code perfgate --version} (picocli's classes are Java 5 class files, which the JVM's ahead-of-time cache cannot
 * hold, so they are loaded and verified afresh each time).
 */
@Command(name = "perfgate", mixinStandardHelpOptions = true, versionProvider = PerfgateVersion.class,
        description = "Load tests as a release gate: run JMeter templates, summarise, compare, gate.")
public final class PerfgateCli {

    /** The subcommands in the order the usage lists them; {@code help} is picocli's. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(CommandLine.HelpCommand.class,
            ReportCommand.class, RunCommand.class, DemoCommand.class, GateCommand.class, HistoryCommand.class,
            RetroCommand.class, NoteCommand.class, WorkloadCommand.class, CalibrateCommand.class,
            CompareCommand.class, SplitCommand.class);

    // the codes are defined in the engine (ExitCodes); these names keep the commands readable

    /** Exit code for a failed gate. */
    public static final int EXIT_FAIL = ExitCodes.FAIL;
    /** Exit code for an unstable gate verdict. */
    public static final int EXIT_UNSTABLE = ExitCodes.UNSTABLE;
    /** Exit code for a usage error. */
    public static final int EXIT_USAGE = ExitCodes.USAGE;
    /** Exit code for unreadable or invalid input. */
    public static final int EXIT_INVALID_INPUT = ExitCodes.INVALID_INPUT;

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return byName;
    }

    /** The command line with every subcommand (for the usage, and for callers that run several commands). */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for one call: with only the subcommand that {@code args} name first, none for the version
     * alone, or all when they name none (then picocli prints the usage or an error listing them all).
     */
    public static CommandLine commandLine(String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return commandLine(Set.of()); // the version needs no subcommand
        }
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !"help".equals(args[0])) {
            return commandLine(Set.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine commandLine(Set<String> names) {
        CommandLine cl = new CommandLine(new PerfgateCli());
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (names.contains(e.getKey())) {
                cl.addSubcommand(e.getKey(), e.getValue());
            }
        }
        // picocli converts a Path by reflection (Paths.get, for its Java 5 compatibility): method handles whose
        // lambda forms the JVM made at run time in every start; registered after the subcommands, which it reaches
        cl.registerConverter(Path.class, Path::of);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        PhaseTrace.mark("main");
        AnnotationPrefetch.start(commandClasses(args));
        int code = commandLine(args).execute(args);
        if (code != 0 || otherThreadsKeepTheJvm()) {
            System.exit(code);
        }
        // success, and no other thread would keep the JVM up: main() returns and the JVM ends as it does after any
        // main(), shutdown hooks included. System.exit(0) first set up the platform logger to log the exit
        // (Runtime.exit's logging: a service look-up and java.util.logging's set-up, ~10 ms CPU of every process)
    }

    /** Whether a live thread other than the caller is not a daemon (the JVM would wait for it after main()). */
    static boolean otherThreadsKeepTheJvm() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        if (n == threads.length) {
            return true; // more than counted: be safe
        }
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
                return true;
            }
        }
        return false;
    }

    /** The classes whose annotations picocli reads for {@code args} beside the top command's standard options. */
    static Class<?>[] commandClasses(String... args) {
        Class<?> sub = args.length > 0 && !"help".equals(args[0]) ? SUBCOMMANDS.get(args[0]) : null;
        return sub == null ? new Class<?>[0] : new Class<?>[] {sub};
    }
}
