package io.jenkins.plugins.perfgate;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jvnet.hudson.test.JenkinsRule;

/** Differences of the Jenkins kit (built from source) from a released Jenkins that tests must bridge. */
final class KitWorkarounds {

    private static final String VERSION_RESOURCE = "hudson/remoting/hudson-version.properties";

    private KitWorkarounds() {
    }

    /**
     * {@code createOnlineSlave} starts {@code java -jar WEB-INF/lib/<name of the remoting jar on the class path>}.
     * The kit's war carries remoting as {@code remoting.jar}, without the {@code Main-Class} a released remoting jar
     * has (nor its libraries inside, nor its version resource), while the class path has {@code remoting-999999-SNAPSHOT.jar}. This writes the jar a released war would
     * have under the expected name; with a released Jenkins the file already exists and nothing happens.
     */
    static void agentJarUnderItsVersionedName(JenkinsRule j) throws IOException {
        String lib = j.jenkins.getServletContext().getRealPath("/WEB-INF/lib");
        File onClassPath = hudson.remoting.Which.jarFile(hudson.remoting.Launcher.class);
        if (lib == null || !onClassPath.isFile()) {
            return;
        }
        File expected = new File(lib, onClassPath.getName());
        if (expected.exists() && hasMainClassAndPath(expected)) {
            return;
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, hudson.remoting.Launcher.class.getName());
        // the kit's remoting is not shaded: its libraries sit beside it in WEB-INF/lib
        String[] deps = new File(lib).list((d, n) -> n.endsWith(".jar") && (n.startsWith("args4j")
                || n.startsWith("jakarta.websocket-client-api") || n.startsWith("tyrus-standalone-client")));
        if (deps != null && deps.length > 0) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", deps));
        }
        File tmp = new File(lib, onClassPath.getName() + ".tmp");
        try (JarFile in = new JarFile(onClassPath);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp.toPath()), m)) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            if (in.getEntry(VERSION_RESOURCE) == null) {
                // a released remoting jar says its version here; the kit's build left it out
                out.putNextEntry(new JarEntry(VERSION_RESOURCE));
                out.write("version=999999-SNAPSHOT\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(tmp.toPath(), expected.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean hasMainClassAndPath(File jar) throws IOException {
        try (JarFile f = new JarFile(jar)) {
            return f.getManifest() != null && f.getManifest().getMainAttributes().getValue("Main-Class") != null
                    && f.getManifest().getMainAttributes().getValue("Class-Path") != null;
        }
    }

}
