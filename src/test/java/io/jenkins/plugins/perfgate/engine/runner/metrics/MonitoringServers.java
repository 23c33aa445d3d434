package io.jenkins.plugins.perfgate.engine.runner.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Real InfluxDB 1.x, Prometheus Pushgateway and Prometheus servers (the Debian packages {@code influxdb},
 * {@code prometheus-pushgateway} and {@code prometheus}, installed by bin/lib/install-test-deps.sh) on free 127.0.0.1
 * ports with temporary data folders. A missing binary fails the test with a message saying what to install; it never
 * skips.
 */
public final class MonitoringServers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A started server; {@link #close} kills it. */
    public record Server(Process process, URI url, Path log) implements AutoCloseable {
        @Override
        public void close() {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private MonitoringServers() {
    }

    static Server influxd(Path dir) throws IOException, InterruptedException {
        return influxd(dir, false);
    }

    /** An influxd; with {@code auth}, HTTP basic authentication is required once a first (admin) user exists. */
    public static Server influxd(Path dir, boolean auth) throws IOException, InterruptedException {
        Path binary = binary("influxd", "influxdb");
        int http = freePort();
        int rpc = freePort();
        Path config = dir.resolve("influxdb.conf");
        Files.writeString(config, """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s"
                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  auth-enabled = %s
                  log-enabled = false
                [monitor]
                  store-enabled = false
                """.formatted(rpc, dir.resolve("meta"), dir.resolve("data"), dir.resolve("wal"), http, auth));
        Path log = dir.resolve("influxd.log");
        Process p = new ProcessBuilder(binary.toString(), "run", "-config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Server server = new Server(p, URI.create("http://127.0.0.1:" + http), log);
        awaitReady(server, "/ping", 204);
        return server;
    }

    static Server pushgateway(Path dir) throws IOException, InterruptedException {
        Path binary = binary("prometheus-pushgateway", "prometheus-pushgateway");
        int port = freePort();
        Path log = dir.resolve("pushgateway.log");
        Process p = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Server server = new Server(p, URI.create("http://127.0.0.1:" + port), log);
        awaitReady(server, "/-/ready", 200);
        return server;
    }

    /**
     * A Prometheus scraping {@code pushgateway} every second, with {@code honor_labels} as in
     * examples/monitoring/prometheus/prometheus.yml (the pushed job label is kept).
     */
    static Server prometheus(Path dir, URI pushgateway) throws IOException, InterruptedException {
        Path binary = binary("prometheus", "prometheus");
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: pushgateway
                    honor_labels: true
                    static_configs:
                      - targets: ["%s"]
                """.formatted(pushgateway.getAuthority()));
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Server server = new Server(p, URI.create("http://127.0.0.1:" + port), log);
        awaitReady(server, "/-/ready", 200);
        return server;
    }

    static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static Path binary(String name, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not installed: the metrics export tests need the Debian package "
                + debianPackage + " (bin/lib/install-test-deps.sh installs it)");
    }

    private static void awaitReady(Server server, String path, int status) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!server.process().isAlive()) {
                throw new IOException(server.url() + " exited: " + Files.readString(server.log()));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(server.url().resolve(path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        server.close();
        throw new IOException(server.url() + " did not become ready: " + Files.readString(server.log()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
