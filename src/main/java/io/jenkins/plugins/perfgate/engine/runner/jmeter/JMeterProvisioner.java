package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Assembles a JMeter home from the artifacts of a {@link JMeterManifest} in a cache folder, once, and verifies it on
 * every use.
 *
 * <p>The home is built in a sibling {@code .partial} folder and renamed into place only after the completion marker
 * ({@value #MARKER}, listing the SHA-256 and size of every file) has been written last; a home without a valid marker
 * (a crash mid-copy, a tampered or deleted file, another manifest) is deleted and rebuilt. A file lock serialises
 * concurrent provisioning by several perfgate processes sharing the cache.
 */
public final class JMeterProvisioner {

    /** Completion marker inside a provisioned home, written last. */
    public static final String MARKER = ".perfgate-complete";

    private static final Object IN_PROCESS_LOCK = new Object();
    private static final int FETCH_THREADS = 4;

    private final Path cacheRoot;
    private final JMeterManifest manifest;
    private final ArtifactFetcher fetcher;
    private final Consumer<String> log;

    public JMeterProvisioner(Path cacheRoot, JMeterManifest manifest, ArtifactFetcher fetcher, Consumer<String> log) {
        this.cacheRoot = cacheRoot;
        this.manifest = manifest;
        this.fetcher = fetcher;
        this.log = log;
    }

    /** The default cache: {@code $PERFGATE_CACHE}, else {@code $XDG_CACHE_HOME/perfgate}, else {@code ~/.cache/perfgate}. */
    public static Path defaultCacheRoot() {
        String explicit = System.getenv("PERFGATE_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "perfgate")
                : Path.of(System.getProperty("user.home"), ".cache", "perfgate");
    }

    /**
     * Where the home of this manifest lives in the cache: {@code jmeter-VERSION-DIGEST}, the first 16 hex digits of
     * the manifest's SHA-256, so that two manifests of one version (perfgate releases that add components, a test's
     * slice) never share, and rebuild, one home.
     */
    public Path home() {
        return cacheRoot.resolve("jmeter-" + manifest.version() + "-"
                + manifest.digest().substring(0, Math.min(16, manifest.digest().length())));
    }

    /** Returns a verified JMeter home, building or rebuilding it when needed. */
    public JMeterInstallation provision() throws IOException {
        Files.createDirectories(cacheRoot);
        Path home = home();
        synchronized (IN_PROCESS_LOCK) {
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                Optional<String> problem = verify(home);
                if (problem.isEmpty()) {
                    return JMeterInstallation.of(home, manifest.version());
                }
                if (Files.exists(home)) {
                    log.accept("JMeter cache " + home + " is not usable (" + problem.get() + "); rebuilding it");
                    deleteTree(home);
                }
                build(home);
                Optional<String> after = verify(home);
                if (after.isPresent()) {
                    throw new ProvisioningException("JMeter home " + home + " fails verification after building: "
                            + after.get());
                }
                return JMeterInstallation.of(home, manifest.version());
            }
        }
    }

    /** Why the home is not a complete, untampered installation of the manifest; empty when it is. */
    public Optional<String> verify(Path home) throws IOException {
        Path marker = home.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.of(Files.exists(home) ? "no completion marker " + MARKER : "not provisioned yet");
        }
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("manifest " + manifest.digest())) {
            return Optional.of("built from another manifest");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ", 3);
            if (f.length != 3) {
                return Optional.of("malformed marker line '" + line + "'");
            }
            Path file = home.resolve(f[2]).normalize();
            if (!file.startsWith(home) || !Files.isRegularFile(file)) {
                return Optional.of("missing file " + f[2]);
            }
            if (Files.size(file) != Long.parseLong(f[1])) {
                return Optional.of("size of " + f[2] + " changed");
            }
            if (!Checksums.sha256(file).equals(f[0])) {
                return Optional.of("SHA-256 of " + f[2] + " changed");
            }
        }
        return Optional.empty();
    }

    private void build(Path home) throws IOException {
        Path staging = home.resolveSibling(home.getFileName() + ".partial");
        if (Files.exists(staging)) {
            deleteTree(staging);
        }
        Files.createDirectories(staging.resolve("lib/ext"));
        log.accept("provisioning JMeter " + manifest.version() + " (" + manifest.artifacts().size()
                + " artifacts) into " + home);
        ExecutorService pool = Executors.newFixedThreadPool(FETCH_THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (JMeterArtifact artifact : manifest.artifacts()) {
                futures.add(pool.submit(() -> {
                    install(artifact, staging);
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new ProvisioningException("provisioning failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while provisioning JMeter", e);
        } finally {
            pool.shutdownNow();
        }
        writeMarker(staging);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private void install(JMeterArtifact artifact, Path staging) throws IOException {
        if (!artifact.unpacked()) {
            fetcher.fetch(artifact, staging.resolve(artifact.target()));
            return;
        }
        Path jar = staging.resolve(artifact.fileName() + ".unpack");
        fetcher.fetch(artifact, jar);
        String folder = artifact.unpackFolder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.getName().startsWith(folder)) {
                    continue;
                }
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new ProvisioningException(artifact.coordinates() + " has an entry outside the home: "
                            + entry.getName());
                }
                Files.createDirectories(Objects.requireNonNull(out.toAbsolutePath().getParent()));
                Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.delete(jar);
        }
    }

    private void writeMarker(Path staging) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("manifest " + manifest.digest());
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = staging.relativize(file).toString().replace('\\', '/');
                lines.add(Checksums.sha256(file) + " " + Files.size(file) + " " + relative);
            }
        }
        Path tmp = staging.resolve(MARKER + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, staging.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
