package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Keeps a small jar that other JVMs load as a Java agent where no other local user can change it: in a folder only
 * the current user may enter (0700, owned by them, not a link), and checked against its SHA-256 every time it is
 * handed out. A jar that does not match (planted, truncated, of another version) is replaced atomically; a shared
 * folder that another user owns or that is a link is never used: a fresh private temporary folder is used instead.
 */
final class AgentJarCache {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AgentJarCache() {
    }

    /**
     * The folder {@code perfgate-USER} under {@code base}, made private to the current user, or null when it cannot
     * be (another user's, a link, not a folder): the caller then takes a fresh private folder.
     */
    static Path privateFolder(Path base, String user) throws IOException {
        Path dir = base.resolve("perfgate-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // someone made it before: checked below like any existing folder
        }
        if (!POSIX) {
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? dir : null;
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory() || !a.owner().equals(currentUser())) {
            return null; // a link or another user's folder: it could be changed under us
        }
        if (!a.permissions().equals(OWNER_ONLY)) {
            // ours but open to others (umask, an old perfgate): closed before anything in it is trusted
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }

    /** A new folder only the current user may enter (the JDK creates it 0700), removed when the JVM ends. */
    static Path freshPrivateFolder() throws IOException {
        Path dir = Files.createTempDirectory("perfgate-");
        dir.toFile().deleteOnExit();
        return dir;
    }

    /**
     * The file {@code name} in the private folder {@code dir} holding exactly {@code content}: read back (never
     * through a link) and compared by SHA-256 on every call, and rewritten through a temporary file and an atomic
     * rename when it differs.
     */
    static Path verified(Path dir, String name, byte[] content) throws IOException {
        Path target = dir.resolve(name);
        byte[] want = sha256(content);
        if (Arrays.equals(want, digestOf(target))) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp"); // 0600 on POSIX
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!Arrays.equals(want, digestOf(target))) {
            throw new IOException("the agent jar " + target + " does not hold what was just written to it");
        }
        return target;
    }

    /** SHA-256 of a regular file of ours (null when absent, a link, another user's or unreadable). */
    private static byte[] digestOf(Path f) {
        try {
            if (POSIX) {
                PosixFileAttributes a = Files.readAttributes(f, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile() || !a.owner().equals(currentUser())) {
                    return null;
                }
            } else if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Channels.newInputStream(FileChannel.open(f, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS))) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return md.digest();
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static UserPrincipal currentUser() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
