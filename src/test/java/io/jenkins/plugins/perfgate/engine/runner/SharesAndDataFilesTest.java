package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharesAndDataFilesTest {

    @TempDir
    Path dir;

    @Test
    void sharesAddUpToTheTotal() {
        Map<String, String> props = Map.of("threads", "10", "spikeThreads", "7", "host", "h");
        List<String> split = List.of("threads", "spikeThreads", "absent");
        long threads = 0;
        long spike = 0;
        for (int i = 0; i < 3; i++) {
            Map<String, String> share = Shares.share(props, split, i, 3);
            assertEquals(2, share.size(), "only split properties that exist: " + share);
            threads += Long.parseLong(share.get("threads"));
            spike += Long.parseLong(share.get("spikeThreads"));
        }
        assertEquals(10, threads);
        assertEquals(7, spike);
        assertEquals("4", Shares.share(props, split, 0, 3).get("threads"));
        assertEquals("3", Shares.share(props, split, 2, 3).get("threads"));
        assertEquals(Map.of("threads", "5"), Shares.equalShare(Map.of("threads", "10"), split, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shares.equalShare(Map.of("threads", "10"), split, 3));
        assertEquals("property threads=10 cannot be split equally over 3 existing jmeter-servers (they all receive "
                + "the same -G value); use a multiple of 3", e.getMessage());
    }

    @Test
    void dataFilesAreCopiedOrSplitByRowsWithTheHeaderKept() throws Exception {
        Path csv = dir.resolve("users.csv");
        Files.writeString(csv, "user,pw\na,1\nb,2\nc,3\nd,4\ne,5\n");
        Path raw = dir.resolve("raw.csv");
        Files.writeString(raw, "x\ny\nz\n");
        List<DataFile> files = List.of(new DataFile(csv, "usersFile", true, true),
                new DataFile(raw, "rawFile", false, false));
        Map<String, String> p0 = DataFiles.ship(files, dir.resolve("g0"), 0, 2);
        Map<String, String> p1 = DataFiles.ship(files, dir.resolve("g1"), 1, 2);
        assertEquals(List.of("user,pw", "a,1", "c,3", "e,5"), Files.readAllLines(Path.of(p0.get("usersFile"))));
        assertEquals(List.of("user,pw", "b,2", "d,4"), Files.readAllLines(Path.of(p1.get("usersFile"))));
        assertEquals(List.of("x", "y", "z"), Files.readAllLines(Path.of(p1.get("rawFile"))), "whole file");
        assertEquals(dir.resolve("g1/data/raw.csv").toAbsolutePath().toString(), p1.get("rawFile"));
    }

    @Test
    void sharesInMemoryHoldWhatShipWritesAndWholeFilesByteForByte() throws Exception {
        Path csv = dir.resolve("users.csv");
        Files.writeString(csv, "user\n" + "u1\nu2\nu3\nu4\nu5\nu6\nu7\n");
        DataFile split = new DataFile(csv, "usersFile", true, true);
        List<byte[]> shares = DataFiles.shares(split, 3);
        assertEquals(3, shares.size());
        for (int i = 0; i < 3; i++) {
            Path shipped = Path.of(DataFiles.ship(List.of(split), dir.resolve("g" + i), i, 3).get("usersFile"));
            assertEquals(Files.readAllLines(shipped), new String(shares.get(i), StandardCharsets.UTF_8).lines().toList());
        }
        assertEquals("user\nu1\nu4\nu7\n", new String(shares.get(0), StandardCharsets.UTF_8));
        Path crlf = dir.resolve("raw.csv");
        Files.writeString(crlf, "a\r\nb\r\n");
        List<byte[]> whole = DataFiles.shares(new DataFile(crlf, "raw", false, false), 2);
        assertArrayEquals(Files.readAllBytes(crlf), whole.get(0));
        assertArrayEquals(Files.readAllBytes(crlf), whole.get(1));
    }
}
