package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.results.GatlingLogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic binary Gatling 3.13 {@code simulation.log} for the benchmark, with the same labels, response
 * times, error rate and pace as {@link SyntheticJtl} for the same seed, and users starting as its thread count grows.
 */
final class SyntheticGatlingLog {

    private SyntheticGatlingLog() {
    }

    /** Writes {@code samples} requests over {@code labels} labels; returns the file size in bytes. */
    static long write(Path file, long samples, int labels, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[labels];
        for (int i = 0; i < labels; i++) {
            names[i] = String.format("%02d %s", i, i % 3 == 0 ? "GET /api/catalog/items" : i % 3 == 1
                    ? "POST /api/cart/add" : "GET /static/app.js");
        }
        long t = 1_760_000_000_000L;
        int users = 0;
        try (GatlingLogWriter log = new GatlingLogWriter(Files.newOutputStream(file), "3.13.5", t)) {
            for (long n = 0; n < samples; n++) {
                int l = random.nextInt(labels);
                long elapsed = (long) (Math.exp(3.5 + random.nextGaussian() * 0.8) + l * 3);
                boolean ok = random.nextInt(100) != 0;
                int threads = (int) Math.min(200, 1 + n / 5000);
                t += random.nextInt(3);
                while (users < threads) {
                    log.user(true, t);
                    users++;
                }
                log.request(List.of(), names[l], t, t + elapsed, ok, ok ? "" : "status.find.in(200), found 500");
            }
        }
        return Files.size(file);
    }
}
