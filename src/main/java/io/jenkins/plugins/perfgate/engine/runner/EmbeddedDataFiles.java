package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Data files for existing jmeter-servers, to which JMeter cannot send files: every server's share travels, base64
 * encoded, inside the copy of the test plan the controller sends them, and a script of that copy writes it to a
 * temporary folder on each server at test start ({@link JmxTransformer#addDataFileSetup}, {@code data-setup.groovy}).
 *
 * <p>The shares are JMeter variables of a User Defined Variables element ({@link #variables()}): whole files once,
 * split files once per server ({@code perfgate.file.<i>.share.<server index>}, the rows {@link DataFiles#shares}
 * gives that server). They do not go as {@code -G} properties because JMeter logs every {@code -G} value in full,
 * on the controller ("Sending properties") and on each server ("Applying properties", and again at the next run).
 *
 * @param variables the variables the setup script reads, in order
 */
public record EmbeddedDataFiles(Map<String, String> variables) {

    /** Most bytes of data (before encoding) embedded in one plan: the plan is held in memory on every JVM. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /** The variable holding the setup script, evaluated by {@link #SETUP_EXPRESSION}. */
    static final String SCRIPT_VARIABLE = "perfgate.setup";

    /**
     * Runs the setup script when JMeter evaluates User Defined Variables at test start (commas escaped: one function
     * argument). The script is compiled without {@code asmResolving}: JMeter 5.6.3's Groovy 3.0.20 reads the class
     * files of the JDK classes a script names with an ASM that does not know Java 22+ class files (a
     * {@code GroovyBugError} that silently ends JMeter's engine thread); loading the classes works on every Java.
     */
    static final String SETUP_EXPRESSION = "${__groovy(def c = new org.codehaus.groovy.control.CompilerConfiguration();"
            + " c.optimizationOptions.asmResolving = false;"
            + " new GroovyShell(this.class.classLoader\\, binding\\, c).evaluate(vars.get('" + SCRIPT_VARIABLE + "')))}";

    /** Threads of the reporter group: 0 unless the setup script failed on that server. */
    static final String REPORTER_THREADS = "${__P(perfgate.data.reporter,0)}";

    /** The label of the reporter's failed sample, which names the server and the file. */
    public static final String FAILURE_LABEL = "perfgate data files";

    public EmbeddedDataFiles {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** The shares of {@code files} for {@code servers} (host:port, in the controller's {@code -R} order). */
    public static EmbeddedDataFiles of(List<DataFile> files, List<String> servers) throws IOException {
        return of(files, servers, MAX_BYTES);
    }

    static EmbeddedDataFiles of(List<DataFile> files, List<String> servers, long maxBytes) throws IOException {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(SCRIPT_VARIABLE, resource("data-setup.groovy"));
        v.put("perfgate.servers", String.join(",", servers));
        v.put("perfgate.files", Integer.toString(files.size()));
        Base64.Encoder base64 = Base64.getEncoder();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            DataFile file = files.get(i);
            String key = "perfgate.file." + i;
            long size = Files.size(file.path());
            total = checked(total, size, file, maxBytes); // before the file is read into memory
            v.put(key + ".name", base64.encodeToString(Objects.requireNonNull(file.path().getFileName()).toString()
                    .getBytes(StandardCharsets.UTF_8)));
            v.put(key + ".property", file.property());
            if (!file.split() || servers.size() == 1) {
                v.put(key + ".share.all", base64.encodeToString(Files.readAllBytes(file.path())));
                continue;
            }
            List<byte[]> shares = DataFiles.shares(file, servers.size());
            // the header repeated in every share counts too
            total = checked(total - size, shares.stream().mapToLong(b -> b.length).sum(), file, maxBytes);
            for (int s = 0; s < shares.size(); s++) {
                v.put(key + ".share." + s, base64.encodeToString(shares.get(s)));
            }
        }
        return new EmbeddedDataFiles(v);
    }

    private static long checked(long total, long add, DataFile file, long maxBytes) throws IOException {
        long sum = total + add;
        if (sum > maxBytes) {
            throw new IOException("dataFiles: " + file.path() + " brings the data embedded in the test plan for "
                    + "existing jmeter-servers to " + mib(sum) + ", over the limit of " + mib(maxBytes)
                    + "; put larger files on the servers yourself and pass their path as a property, or let "
                    + "perfgate start the servers");
        }
        return sum;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%d bytes (%.1f MiB)", bytes, bytes / (1024.0 * 1024));
    }

    /** The reporter sampler's script ({@code data-report.groovy}). */
    static String reportScript() {
        return resource("data-report.groovy");
    }

    private static String resource(String name) {
        try (InputStream in = EmbeddedDataFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
