package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the machine that runs a JMeter command line spells paths. The command is built here, with this machine's
 * {@link Path}s, but a Kubernetes pod runs it on Linux whatever this machine is: a Windows machine must hand a pod
 * {@code /opt/perfgate/jmeter/bin/ApacheJMeter.jar} and a {@code :}-separated class path, not
 * {@code \opt\perfgate\...} and {@code ;}.
 */
public enum PathSyntax {

    /** This machine's own rules: local generators and jmeter-servers started here. */
    LOCAL(File.pathSeparator),
    /** Linux (a pod): {@code /} between names, {@code :} between class path entries, whatever this machine uses. */
    POSIX(":");

    /** A drive ({@code C:}) or a share ({@code \\server}): a path of this machine that cannot mean a file there. */
    private static final Pattern LOCAL_ROOT = Pattern.compile("^([A-Za-z]:|\\\\\\\\|//).*", Pattern.DOTALL);

    private final String classPathSeparator;

    PathSyntax(String classPathSeparator) {
        this.classPathSeparator = classPathSeparator;
    }

    /** The path as the target machine spells it. */
    public String text(Path path) {
        return this == LOCAL ? path.toString() : posix(path.toString(), path.getFileSystem().getSeparator());
    }

    /** Class path entries joined with the target's separator ({@code user.classpath}). */
    public String classPath(List<Path> entries) {
        return String.join(classPathSeparator, entries.stream().map(this::text).toList());
    }

    /**
     * The POSIX spelling of a path written with {@code separator} (this machine's name separator): names joined with
     * {@code /}, rooted when the path is; {@code \opt\perfgate\plan.jmx} becomes {@code /opt/perfgate/plan.jmx}.
     *
     * @throws IllegalArgumentException for a path on a drive or a network share, which no pod has
     */
    static String posix(String path, String separator) {
        if (separator.equals("/")) {
            return path;
        }
        if (LOCAL_ROOT.matcher(path).matches()) {
            throw new IllegalArgumentException("'" + path + "' is a path on this machine's drive or share, not one"
                    + " on a Linux generator (write it as /dir/file)");
        }
        return path.replace(separator, "/");
    }
}
