package io.jenkins.plugins.perfgate.engine.runner.generators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar nested as a resource: extracted once under its hash, whole even when several processes start at once. */
class NestedJarTest {

    @TempDir
    Path dir;

    /** A class path folder holding {@code perfgate/lib.jar}, a jar with one resource. */
    private URLClassLoader owner(String text) throws IOException {
        Path root = Files.createDirectories(dir.resolve("cp-" + text.hashCode()));
        Path jar = Files.createDirectories(root.resolve("perfgate")).resolve("lib.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("nested/hello.txt"));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private static byte[] bytes(ClassLoader owner) throws IOException {
        try (InputStream in = owner.getResourceAsStream("perfgate/lib.jar")) {
            return in.readAllBytes();
        }
    }

    @Test
    void extractedOnceUnderItsHash() throws Exception {
        try (URLClassLoader owner = owner("hello")) {
            NestedJar nested = new NestedJar(owner, "perfgate/lib.jar");
            assertTrue(nested.present());
            Path cache = dir.resolve("cache");
            Path jar = nested.extract(cache);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(owner)));
            assertEquals(cache.resolve("lib-" + hash.substring(0, 16) + ".jar"), jar);
            assertArrayEquals(bytes(owner), Files.readAllBytes(jar));

            FileTime old = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(jar, old);
            assertEquals(jar, nested.extract(cache));
            assertEquals(old, Files.getLastModifiedTime(jar), "a whole copy is not written again");

            // a damaged copy (not by perfgate: it renames only whole files) is written again
            Files.writeString(jar, "not a jar");
            assertEquals(jar, nested.extract(cache));
            assertArrayEquals(bytes(owner), Files.readAllBytes(jar));
            try (Stream<Path> files = Files.list(cache)) {
                assertEquals(List.of(jar), files.toList(), "no temporary file left");
            }
        }
    }

    @Test
    void anotherBuildsJarGoesBesideIt() throws Exception {
        try (URLClassLoader one = owner("one"); URLClassLoader two = owner("two")) {
            Path cache = dir.resolve("cache");
            Path a = new NestedJar(one, "perfgate/lib.jar").extract(cache);
            Path b = new NestedJar(two, "perfgate/lib.jar").extract(cache);
            assertFalse(a.equals(b), a + " " + b);
            assertArrayEquals(bytes(one), Files.readAllBytes(a));
            assertArrayEquals(bytes(two), Files.readAllBytes(b));
        }
    }

    @Test
    void concurrentFirstRunsAllGetAWholeCopy() throws Exception {
        int threads = 8;
        try (URLClassLoader owner = owner("concurrent")) {
            Path cache = dir.resolve("cache");
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Path>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    NestedJar nested = new NestedJar(owner, "perfgate/lib.jar");
                    results.add(pool.submit(() -> {
                        start.await();
                        Path jar = nested.extract(cache);
                        assertArrayEquals(bytes(owner), Files.readAllBytes(jar));
                        return jar;
                    }));
                }
                Path first = results.get(0).get();
                for (Future<Path> f : results) {
                    assertEquals(first, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            try (Stream<Path> files = Files.list(cache)) {
                assertEquals(1, files.count(), "one copy, no temporary file left");
            }
        }
    }

    @Test
    void loadedByAChildOfTheOwner() throws Exception {
        try (URLClassLoader owner = owner("child")) {
            NestedJar nested = new NestedJar(owner, "perfgate/lib.jar");
            ClassLoader loader = nested.load(dir.resolve("cache"));
            assertSame(owner, loader.getParent());
            try (InputStream in = loader.getResourceAsStream("nested/hello.txt")) {
                assertEquals("child", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertSame(loader, nested.load(dir.resolve("cache")), "one loader per jar and process");
        }
    }

    @Test
    void absentOnAPlainClassPath() throws Exception {
        try (URLClassLoader owner = new URLClassLoader(new URL[0], null)) {
            NestedJar nested = new NestedJar(owner, "perfgate/lib.jar");
            assertFalse(nested.present());
            IOException e = assertThrows(IOException.class, () -> nested.extract(dir.resolve("cache")));
            assertTrue(e.getMessage().contains("perfgate/lib.jar"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("cache")));
        }
    }
}
