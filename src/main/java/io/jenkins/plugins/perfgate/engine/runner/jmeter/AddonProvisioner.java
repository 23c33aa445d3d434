package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Resolves the JMeter plugins and libraries a run names, with their runtime dependencies, from Maven Central into a
 * cache folder per set ({@code addons-DIGEST}, the digest of the sorted coordinates and of what the JMeter home
 * already has), built once in a {@code .partial} sibling and verified on every use like a provisioned JMeter home.
 * The JMeter home itself is never written to: the jars reach JMeter through {@link JMeterAddons}.
 */
public final class AddonProvisioner {

    private static final String MARKER = ".perfgate-complete";
    /** Lines {@code folder/jar repositoryPath}: where each jar comes from (pods fetch the same jars from there). */
    private static final String SOURCES = ".perfgate-sources";
    private static final Object IN_PROCESS_LOCK = new Object();

    private final Path cacheRoot;
    private final ArtifactFetcher fetcher;
    private final Consumer<String> log;

    public AddonProvisioner(Path cacheRoot, ArtifactFetcher fetcher, Consumer<String> log) {
        this.cacheRoot = cacheRoot;
        this.fetcher = fetcher;
        this.log = log;
    }

    /** The jars of {@code plugins} and {@code libraries} for a run of {@code home}; {@link JMeterAddons#NONE} for none. */
    public JMeterAddons provision(Path home, List<MavenCoordinate> plugins, List<MavenCoordinate> libraries)
            throws IOException {
        if (plugins.isEmpty() && libraries.isEmpty()) {
            return JMeterAddons.NONE;
        }
        Set<String> provided = providedArtifactIds(home);
        for (MavenCoordinate c : plugins) {
            if (provided.contains(c.artifactId())) {
                log.accept(c + ": the JMeter home " + home + " already has " + c.artifactId() + "; using that");
            }
        }
        for (MavenCoordinate c : libraries) {
            if (provided.contains(c.artifactId())) {
                log.accept(c + ": the JMeter home " + home + " already has " + c.artifactId() + "; using that");
            }
        }
        Path dir = cacheRoot.resolve("addons-" + key(plugins, libraries, provided));
        Files.createDirectories(cacheRoot);
        synchronized (IN_PROCESS_LOCK) {
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!verified(dir)) {
                    JMeterProvisioner.deleteTree(dir);
                    build(dir, provided, plugins, libraries);
                    if (!verified(dir)) {
                        throw new ProvisioningException("plugin and library cache " + dir
                                + " fails verification after building");
                    }
                }
                return new JMeterAddons(jars(dir.resolve("plugins")), jars(dir.resolve("lib")), sources(dir));
            }
        }
    }

    /** The artifactIds of the jars in the home's lib, lib/ext and lib/junit (file names without the version). */
    static Set<String> providedArtifactIds(Path home) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String sub : List.of("lib", "lib/ext", "lib/junit")) {
            Path d = home.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    files.map(f -> String.valueOf(f.getFileName())).filter(n -> n.endsWith(".jar"))
                            .map(n -> n.substring(0, n.length() - 4).replaceFirst("-[0-9].*$", ""))
                            .forEach(ids::add);
                }
            }
        }
        return ids;
    }

    static String key(List<MavenCoordinate> plugins, List<MavenCoordinate> libraries, Set<String> provided) {
        StringBuilder sb = new StringBuilder();
        new TreeSet<>(plugins).forEach(c -> sb.append("plugin ").append(c).append('\n'));
        new TreeSet<>(libraries).forEach(c -> sb.append("library ").append(c).append('\n'));
        new TreeSet<>(provided).forEach(id -> sb.append("provided ").append(id).append('\n'));
        byte[] digest = Checksums.newDigest("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private void build(Path dir, Set<String> provided, List<MavenCoordinate> plugins,
            List<MavenCoordinate> libraries) throws IOException {
        Path staging = dir.resolveSibling(dir.getFileName() + ".partial");
        JMeterProvisioner.deleteTree(staging);
        Files.createDirectories(staging.resolve("plugins"));
        Files.createDirectories(staging.resolve("lib"));
        List<MavenCoordinate> roots = new ArrayList<>(plugins);
        roots.addAll(libraries);
        Map<MavenCoordinate, String> closure = new PomResolver(new PublishedArtifacts(fetcher, log), provided)
                .closure(roots);
        PublishedArtifacts repository = new PublishedArtifacts(fetcher, log);
        List<String> marker = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Map.Entry<MavenCoordinate, String> e : closure.entrySet()) {
            MavenCoordinate c = e.getKey();
            String folder = plugins.contains(c) ? "plugins" : "lib";
            Path target = staging.resolve(folder).resolve(c.jarName());
            repository.copy(c.repositoryPath("jar"), target);
            log.accept("added " + c + " to JMeter's " + (folder.equals("plugins") ? "plugins" : "libraries")
                    + (e.getValue().equals("named") ? "" : " (needed by " + e.getValue() + ")"));
            marker.add(Checksums.sha256(target) + " " + folder + "/" + c.jarName());
            sources.add(folder + "/" + c.jarName() + " " + c.repositoryPath("jar"));
        }
        Files.write(staging.resolve(SOURCES), sources, StandardCharsets.UTF_8);
        Files.write(staging.resolve(MARKER), marker, StandardCharsets.UTF_8);
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean verified(Path dir) throws IOException {
        Path marker = dir.resolve(MARKER);
        // a cache built before the sources were kept is rebuilt once
        if (!Files.isRegularFile(marker) || !Files.isRegularFile(dir.resolve(SOURCES))) {
            return false;
        }
        for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ", 2);
            Path file = dir.resolve(f.length == 2 ? f[1] : "").normalize();
            if (f.length != 2 || !file.startsWith(dir) || !Files.isRegularFile(file)
                    || !Checksums.sha256(file).equals(f[0])) {
                return false;
            }
        }
        return true;
    }

    /** Each jar's repository path, from the sources file written with the cache. */
    private static Map<Path, String> sources(Path dir) throws IOException {
        Map<Path, String> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(SOURCES), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ", 2);
            if (f.length == 2) {
                out.put(dir.resolve(f[0]).toAbsolutePath(), f[1]);
            }
        }
        return out;
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> String.valueOf(f.getFileName()).endsWith(".jar")).sorted()
                    .map(Path::toAbsolutePath).toList();
        }
    }
}
