package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live pushes to a real Pushgateway, and to endpoints that are down or stall: the run loop is never held up, a
 * failure is reported once, and close waits for the push in flight.
 */
class LivePushTest {

    private static final String BODY = "# TYPE perfgate_samples gauge\nperfgate_samples{label=\"_overall\"} 5\n"
            + "# TYPE perfgate_run_complete gauge\nperfgate_run_complete{status=\"RUNNING\"} 0\n";

    @TempDir
    Path dir;

    private static Optional<LivePush> pusher(URI url, boolean live, List<String> out) {
        return new MetricsExporter(new MetricsExport(Optional.empty(), Optional.of(new MetricsExport.Pushgateway(
                url, live)), "shop", "12"), "load.jmx", Map.of(), out::add).livePush();
    }

    @Test
    void livePushesLandInTheRunsGroupAndCanBeTurnedOff() throws Exception {
        try (MonitoringServers.Server push = MonitoringServers.pushgateway(Files.createDirectories(dir.resolve("p")))) {
            List<String> out = new CopyOnWriteArrayList<>();
            assertTrue(pusher(push.url(), false, out).isEmpty(), "live: false");
            LivePush live = pusher(push.url(), true, out).orElseThrow();
            assertTrue(live.offer(BODY));
            live.close();
            assertEquals(1, live.pushed(), out.toString());
            assertEquals(List.of("perfgate: live figures pushed to Pushgateway " + push.url()
                    + " 1 time(s) during the run"), out);
            String metrics = MonitoringServers.get(push.url().resolve("/metrics"));
            assertTrue(metrics.contains("perfgate_run_complete{build=\"12\",instance=\"\",job=\"shop\","
                    + "status=\"RUNNING\",template=\"load.jmx\"} 0"), metrics);
        }
    }

    @Test
    void aStalledPushgatewayNeverHoldsUpTheCallerAndFailuresAreReportedOnce() throws Exception {
        try (ServerSocket stalled = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // accepts, reads nothing, hangs up after a second
            Thread server = new Thread(() -> {
                while (!stalled.isClosed()) {
                    try (Socket s = stalled.accept()) {
                        Thread.sleep(1000);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            List<String> out = new CopyOnWriteArrayList<>();
            LivePush live = pusher(URI.create("http://127.0.0.1:" + stalled.getLocalPort()), true, out)
                    .orElseThrow();
            long t0 = System.nanoTime();
            assertTrue(live.offer(BODY));
            assertFalse(live.offer(BODY), "a push is in flight: the next one is skipped");
            assertTrue(System.nanoTime() - t0 < 200_000_000L, "offer returns at once");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!live.offer(BODY) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            live.close();
            assertEquals(0, live.pushed());
            assertEquals(1, out.size(), "one warning for repeated failures: " + out);
            assertTrue(out.get(0).startsWith("perfgate: warning: live metrics export to Pushgateway http://127.0.0.1:"),
                    out.get(0));
        }
    }
}
