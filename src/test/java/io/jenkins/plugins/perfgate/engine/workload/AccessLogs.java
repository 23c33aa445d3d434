package io.jenkins.plugins.perfgate.engine.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Generated combined access logs with a known mix: 40 % GET /items/{numeric id}, 30 % GET /search, 20 % POST
 * /cart/{uuid}, 10 % GET /; 50 clients each requesting every {@code gapMillis} ms (their think time).
 */
public final class AccessLogs {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AccessLogs() {
    }

    /** Writes {@code n} requests; gzip when the name ends with {@code .gz}. */
    public static void write(Path file, int n, long gapMillis, long seed) throws IOException {
        Random r = new Random(seed);
        long start = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();
        OutputStream raw = Files.newOutputStream(file);
        if (file.toString().endsWith(".gz")) {
            raw = new GZIPOutputStream(raw, 1 << 16);
        }
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
            int clients = 50;
            for (int i = 0; i < n; i++) {
                int client = i % clients;
                long t = start + (i / clients) * gapMillis + client;
                int k = i % 10; // exact shares: 4, 3, 2, 1 of every 10
                String req = k < 4 ? "GET /items/" + r.nextInt(1_000_000) + "?ref=x"
                        : k < 7 ? "GET /search?q=" + r.nextInt(100)
                        : k < 9 ? "POST /cart/" + new java.util.UUID(r.nextLong(), r.nextLong())
                        : "GET /";
                w.write("10.0.0." + client + " - - [" + TIME.format(Instant.ofEpochMilli(t)) + "] \"" + req
                        + " HTTP/1.1\" 200 " + (100 + k) + " \"-\" \"agent/" + client + "\"\n");
            }
        }
    }
}
