package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent for the JMeter JVMs perfgate starts, so that they never outlive perfgate: perfgate holds their
 * standard input open (nothing else reads it), so when perfgate ends in any way, even killed with {@code kill -9}
 * where no shutdown hook runs, the input reaches its end and the agent ends the JVM. Without it a generator would
 * go on loading the target until its plan's duration ended.
 *
 * <p>Only {@code java.base} is used: the class runs inside JMeter's JVM, from a small jar written next to the
 * user's private folder ({@link #agentJar}).
 */
public final class ParentWatch {

    /** Exit status of a JMeter JVM whose perfgate went away (as after SIGTERM). */
    static final int EXIT_PARENT_GONE = 143;

    private ParentWatch() {
    }

    /** Agent entry point: watches standard input on a daemon thread. */
    public static void premain(String args) {
        Thread watch = new Thread(ParentWatch::watch, "perfgate-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch() {
        byte[] buf = new byte[256];
        try {
            while (System.in.read(buf) >= 0) {
                // perfgate never writes: anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same: perfgate is gone
        }
        System.err.println("perfgate: the perfgate process that started this JMeter is gone: stopping");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_PARENT_GONE); // shutdown hooks that hang do not keep it alive
        }, "perfgate-parent-watch-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(EXIT_PARENT_GONE);
    }

    private static volatile Path folder;
    private static volatile boolean warned;

    /**
     * The agent's jar, or empty when it cannot be written (no writable temporary folder): JMeter then runs without
     * it, as before the agent existed, and a warning says so once, rather than the run failing for a safety net.
     */
    public static Optional<Path> agentJarIfPossible() {
        try {
            return Optional.of(agentJar());
        } catch (IOException | RuntimeException e) {
            warnOnce("JMeter runs without the agent that stops it when perfgate is killed: cannot write it to a "
                    + "private folder under " + System.getProperty("java.io.tmpdir") + ": " + e);
            return Optional.empty();
        }
    }

    /**
     * The agent's jar: this class and a manifest naming it (the name holds its hash, so perfgate versions never
     * overwrite each other's), in {@code perfgate-USER} under {@code java.io.tmpdir}, a folder only this user may
     * enter. Every JMeter JVM runs it as the build user, so it is checked against its SHA-256 on every call and
     * rewritten when it differs; when that folder belongs to someone else a fresh private folder is used.
     */
    public static Path agentJar() throws IOException {
        byte[] content = jarContent();
        String name = "perfgate-parent-watch-" + AgentJarCache.hex(AgentJarCache.sha256(content)).substring(0, 16)
                + ".jar";
        Path dir = folder;
        if (dir == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            dir = AgentJarCache.privateFolder(tmp, System.getProperty("user.name"));
            if (dir == null) {
                dir = AgentJarCache.freshPrivateFolder();
                warnOnce("the folder perfgate-" + System.getProperty("user.name") + " in " + tmp + " is not this "
                        + "user's private folder (another user's, or a link): the agent jar is kept in " + dir);
            }
            folder = dir;
        }
        return AgentJarCache.verified(dir, name, content);
    }

    private static void warnOnce(String what) {
        if (!warned) {
            warned = true;
            System.err.println("perfgate: warning: " + what);
        }
    }

    private static byte[] jarContent() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes);
                InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("cannot find " + entry + " on the class path");
            }
            // fixed entry times: the same bytes every time, so the same file name
            out.putNextEntry(fixedTime(new JarEntry("META-INF/MANIFEST.MF")));
            manifest.write(out);
            out.closeEntry();
            out.putNextEntry(fixedTime(new JarEntry(entry)));
            in.transferTo(out);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static JarEntry fixedTime(JarEntry e) {
        e.setTime(315_532_800_000L); // 1980-01-01, the earliest time a zip entry holds
        return e;
    }
}
