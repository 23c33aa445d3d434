package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@code java} command lines that start JMeter in non-GUI mode ({@code -n}) or as a
 * {@code jmeter-server} ({@code -s}). Mutable builder; {@link #nonGui()} and {@link #server} return fresh lists.
 */
public final class JMeterCommand {

    /** JVM options JMeter's own start script uses on Java 9+ (reflective access of XStream and the GUI classes). */
    private static final List<String> ADD_OPENS = List.of(
            "--add-opens=java.desktop/sun.awt=ALL-UNNAMED",
            "--add-opens=java.desktop/sun.swing=ALL-UNNAMED",
            "--add-opens=java.desktop/javax.swing.text.html=ALL-UNNAMED",
            "--add-opens=java.desktop/java.awt=ALL-UNNAMED",
            "--add-opens=java.desktop/java.awt.font=ALL-UNNAMED",
            "--add-opens=java.desktop/javax.swing=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.ssl=ALL-UNNAMED");

    private final JMeterInstallation installation;
    private String heap = "512m";
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> globalProperties = new LinkedHashMap<>();
    /** JMeter's logger of what a controller sends its servers. */
    private static final String CLIENT_ENGINE_LOGGER = "org.apache.jmeter.engine.ClientJMeterEngine";
    private final List<Path> propertyFiles = new ArrayList<>();
    private final List<Path> globalPropertyFiles = new ArrayList<>();
    private Path plan;
    private Path results;
    private Path log;
    private List<String> remoteHosts = List.of();
    private boolean remoteExit = true;
    private boolean parentWatch = true;
    private PathSyntax paths = PathSyntax.LOCAL;

    JMeterCommand(JMeterInstallation installation) {
        this.installation = installation;
    }

    /** Maximum (and initial) heap, in the JVM's notation ({@code 512m}, {@code 2g}). */
    public JMeterCommand heap(String size) {
        if (!size.matches("[0-9]+[kKmMgG]")) {
            throw new IllegalArgumentException("heap size '" + size + "' is not like 512m or 2g");
        }
        this.heap = size;
        return this;
    }

    public JMeterCommand jvmOption(String option) {
        jvmOptions.add(Objects.requireNonNull(option));
        return this;
    }

    public JMeterCommand jvmOptions(java.util.List<String> options) {
        options.forEach(this::jvmOption);
        return this;
    }

    /** A JVM system property ({@code -Dname=value} before {@code -jar}). */
    public JMeterCommand systemProperty(String name, String value) {
        systemProperties.put(name, value);
        return this;
    }

    /** A JMeter property for this process ({@code -Jname=value}, read by {@code __P()}). */
    public JMeterCommand property(String name, String value) {
        properties.put(checkName(name), value);
        return this;
    }

    public JMeterCommand properties(Map<String, String> all) {
        all.forEach(this::property);
        return this;
    }

    /** A JMeter property sent to every remote server ({@code -Gname=value}). */
    public JMeterCommand globalProperty(String name, String value) {
        globalProperties.put(checkName(name), value);
        return this;
    }

    /** A file of JMeter properties for this process ({@code -q FILE}): values that must not be on the command line. */
    public JMeterCommand propertyFile(java.util.Optional<Path> file) {
        file.ifPresent(propertyFiles::add);
        return this;
    }

    /** A file of JMeter properties sent to every remote server ({@code -GFILE}). */
    public JMeterCommand globalPropertyFile(java.util.Optional<Path> file) {
        file.ifPresent(globalPropertyFiles::add);
        return this;
    }

    public JMeterCommand plan(Path jmx) {
        this.plan = jmx;
        return this;
    }

    public JMeterCommand results(Path jtl) {
        this.results = jtl;
        return this;
    }

    /** JMeter's own log file ({@code -j}). */
    public JMeterCommand log(Path file) {
        this.log = file;
        return this;
    }

    /** Drive these {@code host:port} servers instead of running the plan here ({@code -R}). */
    public JMeterCommand remoteHosts(List<String> hosts) {
        this.remoteHosts = List.copyOf(hosts);
        return this;
    }

    /** Whether remote servers are told to exit at the end of the test ({@code -X}); default true. */
    public JMeterCommand remoteExit(boolean exit) {
        this.remoteExit = exit;
        return this;
    }

    /**
     * Whether the JVM carries {@link ParentWatch} (default true). False for a JMeter started elsewhere (a pod), where
     * this machine's agent jar does not exist and its own supervisor ends it.
     */
    public JMeterCommand parentWatch(boolean watch) {
        this.parentWatch = watch;
        return this;
    }

    /**
     * How the machine that runs the command spells paths (default: this machine's). {@link PathSyntax#POSIX} for a
     * command that a Linux pod runs: every path and the class path then follow its rules, whatever this machine is.
     */
    public JMeterCommand pathSyntax(PathSyntax syntax) {
        this.paths = Objects.requireNonNull(syntax);
        return this;
    }

    /** {@code java ... -jar ApacheJMeter.jar -n -t plan [-l jtl] ...}. */
    public List<String> nonGui() {
        if (plan == null) {
            throw new IllegalStateException("no test plan given");
        }
        List<String> cmd = jvm();
        cmd.add("-n");
        cmd.add("-t");
        cmd.add(paths.text(plan));
        if (results != null) {
            cmd.add("-l");
            cmd.add(paths.text(results));
        }
        if (!remoteHosts.isEmpty()) {
            cmd.add("-R");
            cmd.add(String.join(",", remoteHosts));
            if (remoteExit) {
                cmd.add("-X");
            }
        }
        jmeterOptions(cmd);
        return cmd;
    }

    /**
     * {@code java -Djava.rmi.server.hostname=HOST ... -jar ApacheJMeter.jar -s}: a jmeter-server listening on
     * {@code host:port} (the RMI registry) and exporting its remote engine on {@code localPort} (0: any free port).
     */
    public List<String> server(String host, int port, int localPort) {
        systemProperty("java.rmi.server.hostname", host);
        property("server_port", Integer.toString(port));
        property("server.rmi.localport", Integer.toString(localPort));
        List<String> cmd = jvm();
        cmd.add("-s");
        jmeterOptions(cmd);
        return cmd;
    }

    private List<String> jvm() {
        List<String> cmd = new ArrayList<>();
        cmd.add(paths.text(installation.java()));
        cmd.add("-Xms" + heap);
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseG1GC");
        cmd.add("-XX:MaxGCPauseMillis=100");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(ADD_OPENS);
        cmd.add("-Djava.security.egd=file:/dev/urandom");
        cmd.add("-Duser.language=en");
        cmd.add("-Duser.region=EN");
        cmd.add("-Djava.awt.headless=true");
        if (parentWatch) {
            ParentWatch.agentJarIfPossible().ifPresent(jar -> cmd.add("-javaagent:" + jar)); // ends with perfgate
        }
        cmd.addAll(jvmOptions);
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(paths.text(installation.launcher()));
        return cmd;
    }

    private void jmeterOptions(List<String> cmd) {
        if (log != null) {
            cmd.add("-j");
            cmd.add(paths.text(log));
        }
        JMeterAddons addons = installation.addons();
        if (!addons.plugins().isEmpty()) {
            // JMeter adds these to its class loader and scans them for plugins, like lib/ext (';' on every OS)
            cmd.add("-Jsearch_paths=" + String.join(";", addons.plugins().stream().map(paths::text).toList()));
        }
        if (!addons.libraries().isEmpty()) {
            cmd.add("-Juser.classpath=" + paths.classPath(addons.libraries()));
        }
        properties.forEach((k, v) -> cmd.add("-J" + k + "=" + v));
        globalProperties.forEach((k, v) -> cmd.add("-G" + k + "=" + v));
        for (Path f : propertyFiles) {
            cmd.add("-q");
            cmd.add(paths.text(f));
        }
        globalPropertyFiles.forEach(f -> cmd.add("-G" + paths.text(f)));
        if (!globalPropertyFiles.isEmpty()) {
            // the controller logs every property it sends to the servers ("Sending properties {...}") at INFO
            cmd.add("-L" + CLIENT_ENGINE_LOGGER + "=WARN");
        }
    }

    private static String checkName(String name) {
        if (name.isEmpty() || name.contains("=") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid JMeter property name '" + name + "'");
        }
        return name;
    }
}
