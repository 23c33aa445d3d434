package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.jenkins.plugins.perfgate.engine.runner.DataFiles;
import io.jenkins.plugins.perfgate.engine.runner.LaunchContext;
import io.jenkins.plugins.perfgate.engine.runner.Shares;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.Checksums;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterAddons;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterArtifact;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The files every generator pod reads, as the data of the run's Secret (mounted at {@link #MOUNT}): the test plan,
 * each generator's JMeter properties (its share of the split ones, its data file paths), its data file shares, the
 * secret properties, and perfgate's two pod-side programs and the download lists of JMeter and of the run's plugins
 * and libraries. A Secret rather than a
 * ConfigMap because properties and data may be confidential: nothing of them appears in a pod spec.
 */
final class PodFiles {

    /** Where the Secret is mounted in the pods. */
    static final String MOUNT = "/perfgate";
    /** Where results, logs and the working folder are in the pods. */
    static final String WORK = "/work";
    /** JMeter's UDP control port in a pod (one JMeter per pod, so JMeter's default is free). */
    static final int CONTROL_PORT = 4445;
    /** A Secret holds at most 1 MiB; leave room for its metadata. */
    static final int MAX_BYTES = 900 * 1024;

    static final String PLAN = "plan.jmx";
    static final String RUNNER = "PodRunner.java";
    static final String PROVISION = "Provision.java";
    static final String JMETER_LIST = "jmeter.list";
    static final String ADDONS_LIST = "addons.list";
    static final String SECRET_PROPERTIES = "secret.properties";

    private PodFiles() {
    }

    static String propertiesKey(String generator) {
        return generator + ".properties";
    }

    /**
     * The Secret's data (base64, as the API wants it) for {@code count} generators; each generator's share is also
     * written into its local folder, as for local generators, so the run folder shows what each pod got.
     *
     * @throws IOException naming the files when they are more than a Secret holds
     */
    static Map<String, String> build(LaunchContext context, int count, String mavenRepository) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PLAN, Files.readAllBytes(context.testPlan()));
        files.put(RUNNER, resource("PodRunner.java.txt"));
        files.put(PROVISION, resource("Provision.java.txt"));
        files.put(JMETER_LIST, jmeterList(mavenRepository).getBytes(StandardCharsets.UTF_8));
        if (!context.jmeter().addons().isEmpty()) {
            files.put(ADDONS_LIST, addonsList(mavenRepository, context.jmeter().addons())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (context.secretPropertyFile().isPresent()) {
            files.put(SECRET_PROPERTIES, Files.readAllBytes(context.secretPropertyFile().get()));
        }
        for (int i = 0; i < count; i++) {
            String id = "gen-" + (i + 1);
            Path dir = context.generatorDir(id);
            Files.createDirectories(dir);
            Map<String, String> props = new LinkedHashMap<>(context.properties());
            props.putAll(Shares.share(context.properties(), context.plan().splitProperties(), i, count));
            for (Map.Entry<String, String> e : DataFiles.ship(context.plan().dataFiles(), dir, i, count).entrySet()) {
                Path local = Path.of(e.getValue());
                String key = id + ".data." + safeKey(String.valueOf(local.getFileName()));
                files.put(key, Files.readAllBytes(local));
                props.put(e.getKey(), MOUNT + "/" + key);
            }
            props.put("perfgate.generator", id);
            props.put("jmeterengine.nongui.port", Integer.toString(CONTROL_PORT));
            props.put("jmeterengine.nongui.maxport", Integer.toString(CONTROL_PORT));
            files.put(propertiesKey(id), properties(props));
        }
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > MAX_BYTES) {
            StringBuilder sizes = new StringBuilder();
            files.forEach((k, v) -> sizes.append(sizes.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(v.length / 1024).append(" KiB"));
            throw new IOException("kubernetes: the files for the pods are " + total / 1024 + " KiB, more than one "
                    + "Secret holds (" + MAX_BYTES / 1024 + " KiB): " + sizes + "; put large data files into the "
                    + "image and pass their path as a property");
        }
        Map<String, String> data = new LinkedHashMap<>();
        files.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v)));
        return data;
    }

    /** A Secret key may hold letters, digits, '-', '_' and '.'. */
    static String safeKey(String name) {
        return name.replaceAll("[^-._A-Za-z0-9]", "_");
    }

    /** {@code URL SHA-256 SIZE TARGET} per jar of the bundled JMeter manifest, for Provision.java. */
    static String jmeterList(String mavenRepository) {
        StringBuilder out = new StringBuilder();
        for (JMeterArtifact a : JMeterManifest.bundled().artifacts()) {
            out.append(mavenRepository).append('/').append(a.repositoryPath()).append(' ').append(a.sha256())
                    .append(' ').append(a.size()).append(' ').append(a.target()).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code URL SHA-256 SIZE TARGET} per jar of the run's plugins ({@code plugins/NAME}) and libraries
     * ({@code lib/NAME}), for Provision.java: the checksums are those of the jars resolved here, which were checked
     * against what the repository publishes, so a pod gets exactly the same jars.
     *
     * @throws IOException for a jar perfgate cannot tell the repository path of
     */
    static String addonsList(String mavenRepository, JMeterAddons addons) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path jar : addons.all()) {
            String source = addons.sources().get(jar);
            if (source == null) {
                throw new IOException("kubernetes: " + jar + " is not from a Maven repository: pods get plugins and"
                        + " libraries by Maven coordinates only (jmeterPlugins:, libraries:)");
            }
            String folder = addons.plugins().contains(jar) ? "plugins/" : "lib/";
            out.append(mavenRepository).append('/').append(source).append(' ').append(Checksums.sha256(jar))
                    .append(' ').append(Files.size(jar)).append(' ').append(folder).append(jar.getFileName())
                    .append('\n');
        }
        return out.toString();
    }

    private static byte[] properties(Map<String, String> props) {
        Properties p = new Properties();
        p.putAll(props);
        StringWriter w = new StringWriter();
        try {
            p.store(w, "perfgate generator properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] resource(String name) {
        try (InputStream in = PodFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("perfgate is missing its resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
