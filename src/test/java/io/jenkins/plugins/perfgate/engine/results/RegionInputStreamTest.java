package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes of a region of a file, read through a channel two streams share. */
class RegionInputStreamTest {

    @TempDir
    Path tmp;

    private static String all(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void readsFromItsStartToItsEndOrTheFilesEnd() throws IOException {
        Path f = Files.writeString(tmp.resolve("f"), "0123456789");
        try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
            InputStream bounded = new RegionInputStream(channel, 2, 5);
            InputStream open = new RegionInputStream(channel, 7);
            assertEquals('2', bounded.read());
            assertEquals("789", all(open));
            assertEquals("34", all(bounded));
            assertEquals(-1, bounded.read());
            assertEquals("", all(new RegionInputStream(channel, 4, 4)));
            assertEquals("89", all(new RegionInputStream(channel, 8, 100)));
        }
    }
}
