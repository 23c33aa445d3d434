package io.jenkins.plugins.perfgate.engine.runner.generators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A jar stored inside {@code perfgate-cli.jar} (a resource), for libraries only some commands need: it is extracted
 * once to a cache folder, under a name made of its SHA-256, and loaded by a child class loader of the caller's. The
 * JVM reads the whole central directory of the jar it starts from, so the ~8,000 entries of the Kubernetes client
 * would cost every command's start; nested, they cost only the command that uses them (docs/performance.md).
 *
 * <p>Safe against concurrent first runs: each process writes its own temporary file and renames it atomically to
 * the hashed name, so a reader sees either no file or a whole one (the contents of any two writers are the same).
 */
final class NestedJar {

    private static final int NAME_DIGITS = 16;
    private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private final ClassLoader owner;
    private final String resource;

    /**
     * @param owner    the class loader that holds the resource, and the parent of the one {@link #load} returns
     * @param resource the nested jar's resource name, e.g. {@code perfgate/kubernetes.jar}
     */
    NestedJar(ClassLoader owner, String resource) {
        this.owner = owner;
        this.resource = resource;
    }

    /** Whether the resource is there: false on a plain class path (tests, the Jenkins agents' class path). */
    boolean present() {
        return owner.getResource(resource) != null;
    }

    /**
     * A class loader of the extracted jar (extracting it first if needed) whose parent is the owner; one per jar and
     * process, so that repeated runs share the loaded classes.
     */
    ClassLoader load(Path cacheDir) throws IOException {
        Path jar = extract(cacheDir);
        URL url = jar.toUri().toURL();
        return LOADERS.computeIfAbsent(jar, j -> new URLClassLoader("perfgate-nested:" + resource, new URL[] {url},
                owner));
    }

    /**
     * The jar in {@code cacheDir}, as {@code NAME-HASH.jar} (the resource's file name and the first 16 hex digits of
     * its SHA-256), written only when no whole copy is there yet.
     */
    Path extract(Path cacheDir) throws IOException {
        String digest = hash(open());
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        String base = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
        Path target = cacheDir.resolve(base + "-" + digest.substring(0, NAME_DIGITS) + ".jar");
        if (Files.isRegularFile(target) && digest.equals(hash(Files.newInputStream(target)))) {
            return target;
        }
        Files.createDirectories(cacheDir);
        Path part = Files.createTempFile(cacheDir, base + "-", ".part");
        try {
            String written;
            try (InputStream in = open(); DigestInputStream din = new DigestInputStream(in, sha256());
                    OutputStream out = Files.newOutputStream(part)) {
                din.transferTo(out);
                written = HexFormat.of().formatHex(din.getMessageDigest().digest());
            }
            if (!written.equals(digest)) {
                throw new IOException(resource + " changed while it was copied to " + part);
            }
            move(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            // another process's whole copy is in place (a file system without atomic replace): use it
            if (!Files.isRegularFile(target)) {
                throw e;
            }
        }
    }

    private InputStream open() throws IOException {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not in this build of perfgate");
        }
        return in;
    }

    private static String hash(InputStream stream) throws IOException {
        try (InputStream in = stream; DigestInputStream din = new DigestInputStream(in, sha256())) {
            din.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(din.getMessageDigest().digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
