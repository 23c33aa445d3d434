package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gets one verified artifact onto disk: from the local Maven repository when it holds a copy with the expected
 * SHA-256, otherwise from a remote Maven repository (Maven Central by default). A file that fails its checksum is never
 * left at the destination.
 */
public final class ArtifactFetcher {

    /** Maven Central. */
    public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    private static final int ATTEMPTS = 3;

    private final Optional<Path> localRepository;
    private final Optional<URI> remote;
    private final HttpClient http;
    private final Consumer<String> log;

    /**
     * @param localRepository a Maven repository to copy from first (e.g. {@code ~/.m2/repository}), may be empty
     * @param remote          a remote Maven repository root to download from, empty for offline
     * @param log             receives one line per notable event (download, rejected local copy)
     */
    public ArtifactFetcher(Optional<Path> localRepository, Optional<URI> remote, Consumer<String> log) {
        this.localRepository = localRepository;
        this.remote = remote.map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.log = log;
    }

    /** The local Maven repository and Maven Central, as Maven itself would use them. */
    public static ArtifactFetcher standard(Consumer<String> log) {
        String configured = System.getProperty("maven.repo.local");
        Path local = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String mirror = System.getenv("PERFGATE_MAVEN_REPOSITORY");
        URI remote = mirror != null && !mirror.isBlank() ? URI.create(mirror) : MAVEN_CENTRAL;
        return new ArtifactFetcher(Optional.of(local), Optional.of(remote), log);
    }

    /** Writes the artifact to {@code destination} (replacing it) after checking its size and SHA-256. */
    public void fetch(JMeterArtifact artifact, Path destination) throws IOException {
        Files.createDirectories(Objects.requireNonNull(destination.toAbsolutePath().getParent()));
        if (localRepository.isPresent()) {
            Path local = localRepository.get().resolve(artifact.repositoryPath());
            if (Files.isRegularFile(local)) {
                String actual = Checksums.sha256(local);
                if (actual.equals(artifact.sha256()) && Files.size(local) == artifact.size()) {
                    Path tmp = temp(destination);
                    Files.copy(local, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
                log.accept("ignoring " + local + ": SHA-256 " + actual + ", expected " + artifact.sha256());
            }
        }
        if (remote.isEmpty()) {
            throw new ProvisioningException(artifact.coordinates() + " is not in the local Maven repository "
                    + localRepository.map(Path::toString).orElse("(none)") + " and downloads are disabled");
        }
        download(artifact, remote.get().resolve(artifact.repositoryPath()), destination);
    }

    private void download(JMeterArtifact artifact, URI uri, Path destination) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path tmp = temp(destination);
            try {
                log.accept("downloading " + uri);
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                MessageDigest sha256 = Checksums.newDigest("SHA-256");
                long size = 0;
                try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
                    if (response.statusCode() != 200) {
                        throw new ProvisioningException("GET " + uri + " answered HTTP " + response.statusCode());
                    }
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        sha256.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                        size += n;
                    }
                }
                String actual = HexFormat.of().formatHex(sha256.digest());
                if (!actual.equals(artifact.sha256()) || size != artifact.size()) {
                    throw new ProvisioningException("checksum mismatch for " + uri + ": SHA-256 " + actual + " size "
                            + size + ", expected SHA-256 " + artifact.sha256() + " size " + artifact.size());
                }
                Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (ProvisioningException e) {
                Files.deleteIfExists(tmp);
                throw e;
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                last = e;
            } catch (InterruptedException e) {
                Files.deleteIfExists(tmp);
                Thread.currentThread().interrupt();
                throw new ProvisioningException("interrupted while downloading " + uri, e);
            }
        }
        throw new ProvisioningException("could not download " + uri + " after " + ATTEMPTS + " attempts: " + last,
                last);
    }

    /** The local Maven repository copies are taken from, if any. */
    Optional<Path> localRepository() {
        return localRepository;
    }

    /**
     * The body of {@code GET path} on the remote repository (at most {@code limit} bytes), empty on HTTP 404; fails
     * when downloads are disabled. Used for files whose checksum is published beside them ({@link PublishedArtifacts}).
     */
    Optional<byte[]> get(String repositoryPath, int limit) throws IOException {
        if (remote.isEmpty()) {
            throw new ProvisioningException(repositoryPath + " is not in the local Maven repository "
                    + localRepository.map(Path::toString).orElse("(none)") + " and downloads are disabled");
        }
        URI uri = remote.get().resolve(repositoryPath);
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() == 404) {
                        return Optional.empty();
                    }
                    if (response.statusCode() != 200) {
                        throw new ProvisioningException("GET " + uri + " answered HTTP " + response.statusCode());
                    }
                    byte[] body = in.readNBytes(limit + 1);
                    if (body.length > limit) {
                        throw new ProvisioningException("GET " + uri + " is larger than " + limit + " bytes");
                    }
                    return Optional.of(body);
                }
            } catch (ProvisioningException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("interrupted while downloading " + uri, e);
            }
        }
        throw new ProvisioningException("could not download " + uri + " after " + ATTEMPTS + " attempts: " + last,
                last);
    }

    private static Path temp(Path destination) {
        return destination.resolveSibling(destination.getFileName() + ".part");
    }
}
