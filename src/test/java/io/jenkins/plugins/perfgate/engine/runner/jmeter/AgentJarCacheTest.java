package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile local users against the agent jar every JMeter JVM runs: planted jars, links, other users' folders. */
class AgentJarCacheTest {

    private static final String USER = System.getProperty("user.name");
    private static final byte[] CONTENT = "the real agent jar".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void aPlantedJarOfTheSameSizeIsReplacedNotUsed() throws Exception {
        Path dir = AgentJarCache.privateFolder(tmp, USER);
        Path jar = AgentJarCache.verified(dir, "agent.jar", CONTENT);
        assertArrayEquals(CONTENT, Files.readAllBytes(jar));
        byte[] evil = "THE EVIL AGENT JAR".getBytes(StandardCharsets.UTF_8);
        assertEquals(CONTENT.length, evil.length, "the same size as the real one");
        Files.write(jar, evil);
        assertEquals(jar, AgentJarCache.verified(dir, "agent.jar", CONTENT));
        assertArrayEquals(CONTENT, Files.readAllBytes(jar), "checked by SHA-256 before each use, not by size");
    }

    @Test
    void aLinkPlantedAtTheJarsNameIsReplacedAndItsTargetLeftAlone() throws Exception {
        Path dir = AgentJarCache.privateFolder(tmp, USER);
        Path elsewhere = Files.write(tmp.resolve("elsewhere.jar"), CONTENT); // right bytes, but changeable by others
        Files.createSymbolicLink(dir.resolve("agent.jar"), elsewhere);
        Path jar = AgentJarCache.verified(dir, "agent.jar", CONTENT);
        assertFalse(Files.isSymbolicLink(jar), "a regular file of ours, not a link to someone else's");
        assertArrayEquals(CONTENT, Files.readAllBytes(jar));
        assertArrayEquals(CONTENT, Files.readAllBytes(elsewhere), "the link's target was not written through");
    }

    @Test
    void theFolderIsCreatedPrivateAndAnOpenFolderOfOursIsClosed() throws Exception {
        assumeTrue(posix());
        Path dir = AgentJarCache.privateFolder(tmp, USER);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(dir, AgentJarCache.privateFolder(tmp, USER));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void anotherUsersFolderOrALinkIsNotUsed() throws Exception {
        assumeTrue(posix());
        Path link = Files.createSymbolicLink(tmp.resolve("perfgate-" + USER), Files.createDirectory(tmp.resolve("x")));
        assertNull(AgentJarCache.privateFolder(tmp, USER), "a link at the folder's name");
        Files.delete(link);
        Path theirs = Files.createDirectory(tmp.resolve("perfgate-" + USER));
        UserPrincipal nobody;
        try {
            nobody = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(theirs, nobody);
        } catch (Exception e) {
            nobody = null; // not root: no other user's folder can be made here
        }
        assumeTrue(nobody != null, "needs root to make a folder another user owns");
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
        assertNull(AgentJarCache.privateFolder(tmp, USER), "another user's folder, however private, is not ours");
        assertEquals(nobody, Files.getOwner(theirs, LinkOption.NOFOLLOW_LINKS), "and it was left as it was");
        Path fresh = AgentJarCache.freshPrivateFolder();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertNotNull(AgentJarCache.verified(fresh, "agent.jar", CONTENT), "the run still gets its agent");
        Files.delete(fresh.resolve("agent.jar"));
        Files.delete(fresh);
    }

    @Test
    void theAgentJarLivesInThisUsersPrivateFolder() throws Exception {
        Path jar = ParentWatch.agentJar();
        assertTrue(Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS));
        if (posix()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(jar.getParent())));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
