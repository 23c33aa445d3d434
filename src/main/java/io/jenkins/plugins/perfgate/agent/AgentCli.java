package io.jenkins.plugins.perfgate.agent;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.perfgate.cli.PerfgateCli;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs a perfgate command line ({@code perfgate run ...}, {@code perfgate report ...}) as a separate {@code java}
 * process on the node that holds the workspace, through the build's {@link Launcher}. Its output streams into the
 * build log as it is written (live progress), and aborting the build kills the process and everything it started
 * (JMeter generators included) through Jenkins' process-tree killer.
 */
public final class AgentCli {

    /** Folder under the node's root that caches the command line's class path. */
    static final String CACHE_DIR = "perfgate-cli";

    private AgentCli() {
    }

    /**
     * Runs {@code perfgate ARGS} in {@code workspace} and returns its exit code; the process is killed when the
     * calling thread is interrupted (build aborted).
     */
    public static int run(FilePath workspace, Launcher launcher, EnvVars env, TaskListener listener, List<String> args)
            throws IOException, InterruptedException {
        return run(workspace, launcher, env, listener, args, List.of());
    }

    /** As above, with every occurrence of a {@code masked} value in the output shown as {@code ****}. */
    public static int run(FilePath workspace, Launcher launcher, EnvVars env, TaskListener listener, List<String> args,
            java.util.Collection<String> masked) throws IOException, InterruptedException {
        MaskingOutputStream out = new MaskingOutputStream(listener.getLogger(), masked);
        Proc proc = start(install(workspace, listener), workspace, launcher, env, out, args);
        try {
            return proc.join();
        } catch (InterruptedException e) {
            proc.kill();
            throw e;
        } finally {
            out.forceEol();
            out.flush();
        }
    }

    /** The command line as installed on one node: its java binary (checked: Java 21+) and class path there. */
    public record Installed(String java, String classpath) {
    }

    /**
     * Checks the node of {@code pathOnNode} has Java 21 or newer and copies the command line's class path there.
     *
     * @throws IOException naming the problem (no Java 21, no java executable) when the node cannot run it
     */
    public static Installed install(FilePath pathOnNode, TaskListener listener)
            throws IOException, InterruptedException {
        VirtualChannel channel = pathOnNode.getChannel();
        String java = channel.call(new JavaExecutable());
        return new Installed(java, installClasspath(pathOnNode, listener));
    }

    /**
     * Starts {@code perfgate ARGS} in {@code pwd} through {@code launcher} (a launcher of {@code pwd}'s node), its
     * output going to {@code stdout}; killing the returned process kills what it started too.
     */
    public static Proc start(Installed cli, FilePath pwd, Launcher launcher, EnvVars env, java.io.OutputStream stdout,
            List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(cli.java());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(cli.classpath());
        cmd.add(PerfgateCli.class.getName());
        cmd.addAll(args);
        return launcher.launch().cmds(cmd).envs(env).pwd(pwd).stdout(stdout).quiet(true).start();
    }

    /**
     * Copies the class path entries to the node (once per content) and returns them as a class path string. Safe
     * when parallel branches install at once: each entry is copied under a unique temporary name and moved into
     * its content-stamped place; a branch that loses the race uses the winner's copy.
     */
    static String installClasspath(FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        FilePath cache = cacheRoot(workspace);
        List<String> paths = new ArrayList<>();
        for (File entry : CliClasspath.entries()) {
            FilePath local = new FilePath(entry);
            boolean dir = entry.isDirectory();
            String stamp = dir ? "classes-" + directoryStamp(entry) : Long.toHexString(entry.length()) + "-"
                    + Long.toHexString(entry.lastModified());
            FilePath target = dir ? cache.child(stamp) : cache.child(stamp).child(entry.getName());
            if (!target.exists()) {
                FilePath parent = java.util.Objects.requireNonNull(target.getParent(), "a file has a parent folder");
                parent.mkdirs();
                FilePath partial = parent.child("." + target.getName() + "." + java.util.UUID.randomUUID() + ".part");
                if (dir) {
                    partial.mkdirs();
                    local.copyRecursiveTo(partial);
                } else {
                    local.copyTo(partial);
                }
                try {
                    partial.renameTo(target);
                } catch (IOException lostTheRace) {
                    if (!target.exists()) {
                        throw lostTheRace;
                    }
                }
                if (partial.exists()) {
                    partial.deleteRecursive();
                }
            }
            paths.add(target.getRemote());
        }
        if (paths.isEmpty()) {
            throw new AbortException("perfgate: cannot locate the perfgate command line classes to run on the agent");
        }
        String separator = workspace.act(new PathSeparator());
        return String.join(separator, paths);
    }

    /** Content stamp of a class folder (development builds): path, file count, sizes and newest change. */
    private static String directoryStamp(File dir) throws IOException {
        long[] acc = {0, 0, 0};
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir.toPath())) {
            files.filter(java.nio.file.Files::isRegularFile).forEach(f -> {
                File file = f.toFile();
                acc[0]++;
                acc[1] += file.length();
                acc[2] = Math.max(acc[2], file.lastModified());
            });
        }
        return Integer.toHexString(dir.getAbsolutePath().hashCode()) + "-" + Long.toHexString(acc[0]) + "-"
                + Long.toHexString(acc[1]) + "-" + Long.toHexString(acc[2]);
    }

    private static FilePath cacheRoot(FilePath workspace) throws IOException, InterruptedException {
        hudson.model.Computer c = workspace.toComputer();
        hudson.model.Node node = c == null ? null : c.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (root == null) {
            root = java.util.Objects.requireNonNull(workspace.sibling(workspace.getName() + "@tmp"),
                    "a workspace has a parent folder");
        }
        FilePath cache = root.child(CACHE_DIR);
        cache.mkdirs();
        return cache;
    }

    /** The java binary of the node's own JVM (Java 21+, since Jenkins agents require it). */
    private static final class JavaExecutable extends MasterToSlaveCallable<String, IOException> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call() throws IOException {
            if (Runtime.version().feature() < 21) {
                throw new IOException("perfgate needs Java 21 or newer on the agent, found " + Runtime.version());
            }
            File bin = new File(System.getProperty("java.home"), "bin");
            File exe = new File(bin, File.separatorChar == '\\' ? "java.exe" : "java");
            if (!exe.canExecute()) {
                throw new IOException("no java executable at " + exe);
            }
            return exe.getAbsolutePath();
        }
    }

    private static final class PathSeparator extends jenkins.MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File f, VirtualChannel channel) {
            return File.pathSeparator;
        }
    }

    public static void log(TaskListener listener, String message) {
        PrintStream out = listener.getLogger();
        out.println("[perfgate] " + message);
    }
}
