package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Files of Maven Central whose checksums are not pinned in perfgate (the POMs and jars of user-named plugins and
 * libraries): each is checked against the checksum Central publishes beside it, SHA-256 when there is one, else
 * SHA-1. A copy in the local Maven repository is used when the checksum file Maven stored beside it matches.
 */
final class PublishedArtifacts {

    /** No plugin jar or POM is anywhere near this; a bigger answer is not what was asked for. */
    private static final int LIMIT = 128 * 1024 * 1024;

    private final ArtifactFetcher fetcher;
    private final Consumer<String> log;

    PublishedArtifacts(ArtifactFetcher fetcher, Consumer<String> log) {
        this.fetcher = fetcher;
        this.log = log;
    }

    /** The verified content of {@code repositoryPath}; fails naming the path when it is missing or mismatches. */
    byte[] read(String repositoryPath) throws IOException {
        Optional<byte[]> local = local(repositoryPath);
        if (local.isPresent()) {
            return local.get();
        }
        log.accept("downloading " + repositoryPath);
        byte[] body = fetcher.get(repositoryPath, LIMIT).orElseThrow(() -> new ProvisioningException(
                repositoryPath + " is not on the Maven repository (HTTP 404): check the coordinates"));
        String algorithm = "SHA-256";
        Optional<byte[]> sum = fetcher.get(repositoryPath + ".sha256", 1024);
        if (sum.isEmpty()) {
            algorithm = "SHA-1";
            sum = fetcher.get(repositoryPath + ".sha1", 1024);
        }
        if (sum.isEmpty()) {
            throw new ProvisioningException(repositoryPath + " has no published .sha256 or .sha1: refusing an "
                    + "unverified file");
        }
        String expected = firstWord(sum.get());
        String actual = hex(algorithm, body);
        if (!actual.equals(expected)) {
            throw new ProvisioningException("checksum mismatch for " + repositoryPath + ": " + algorithm + " "
                    + actual + ", published " + expected);
        }
        return body;
    }

    /** Writes the verified file to {@code destination}. */
    void copy(String repositoryPath, Path destination) throws IOException {
        byte[] body = read(repositoryPath);
        Path tmp = destination.resolveSibling(destination.getFileName() + ".part");
        Files.write(tmp, body);
        Files.move(tmp, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Optional<byte[]> local(String repositoryPath) throws IOException {
        if (fetcher.localRepository().isEmpty()) {
            return Optional.empty();
        }
        Path file = fetcher.localRepository().get().resolve(repositoryPath);
        Path sha1 = file.resolveSibling(file.getFileName() + ".sha1");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(sha1)) {
            return Optional.empty();
        }
        byte[] body = Files.readAllBytes(file);
        if (!hex("SHA-1", body).equals(firstWord(Files.readAllBytes(sha1)))) {
            log.accept("ignoring " + file + ": it does not match its .sha1");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private static String firstWord(byte[] checksumFile) {
        String text = new String(checksumFile, StandardCharsets.US_ASCII).strip();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static String hex(String algorithm, byte[] body) {
        MessageDigest md = Checksums.newDigest(algorithm);
        return HexFormat.of().formatHex(md.digest(body));
    }
}
