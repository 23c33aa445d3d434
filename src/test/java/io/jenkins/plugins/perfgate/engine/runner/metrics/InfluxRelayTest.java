package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay in front of a real influxd that requires credentials is no open proxy for the other processes of the
 * machine: only the run's token, {@code POST /write} and the run's database pass; the upstream query is rebuilt
 * ({@code ?x=1;db=other&db=perfgate} never reaches InfluxDB); bodies and request times are capped.
 */
class InfluxRelayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PW = "relay s3cret";

    @TempDir
    Path dir;

    @Test
    void onlyTheRunsWritesPass() throws Exception {
        Files.createDirectories(dir.resolve("influx"));
        try (MonitoringServers.Server influx = MonitoringServers.influxd(dir.resolve("influx"), true)) {
            assertEquals(200, status(influx.url() + "/query?q=" + enc("CREATE USER \"perf\" WITH PASSWORD '" + PW
                    + "' WITH ALL PRIVILEGES"), "POST", null, ""));
            admin(influx.url(), "CREATE DATABASE perfgate");
            admin(influx.url(), "CREATE DATABASE other");
            try (InfluxRelay relay = InfluxRelay.start(influx.url(), "perfgate", new BasicAuth("perf", PW),
                    Duration.ofSeconds(1))) {
                String write = relay.url() + "/write";
                String token = "Token " + relay.token();
                assertEquals(401, status(write + "?db=perfgate", "POST", null, "m v=1"), "no token");
                assertEquals(401, status(write + "?db=perfgate", "POST", "Token wrong", "m v=2"), "wrong token");
                assertEquals(401, status(write + "?db=perfgate", "POST", "Basic " + relay.token(), "m v=3"));
                assertEquals(403, status(write + "?db=other", "POST", token, "m v=4"), "another database");
                assertEquals(403, status(write + "?x=1;db=other&db=perfgate", "POST", token, "m v=5"),
                        "a ';' separated query the upstream could read differently");
                assertEquals(403, status(write + "?db=perfgate&db=other", "POST", token, "m v=6"));
                assertEquals(403, status(write + "?db=perfgate&u=admin&p=x", "POST", token, "m v=7"));
                assertEquals(403, status(write + "?db=perfgate&precision=ms%26db%3Dother", "POST", token, "m v=8"));
                assertEquals(403, status(write, "POST", token, "m v=9"), "no database");
                assertEquals(404, status(relay.url() + "/query?db=perfgate&q=" + enc("DROP DATABASE perfgate"), "POST",
                        token, ""), "only writes");
                assertEquals(405, status(write + "?db=perfgate", "GET", token, null));
                assertEquals(413, status(write + "?db=perfgate", "POST", token,
                        "m v=1\n".repeat(InfluxRelay.MAX_BODY_BYTES / 6 + 10)), "body cap");

                assertEquals(204, status(write + "?db=perfgate&precision=ms", "POST", token, "m v=42 1700000000000"));
                assertEquals("[[\"2023-11-14T22:13:20Z\",42]]", values(influx.url(), "perfgate"),
                        "the run's write arrives, and only it");
                assertEquals("", values(influx.url(), "other"), "nothing reached another database (no series)");

                // a sender that stalls mid-body loses its connection at the deadline instead of holding a worker
                long start = System.nanoTime();
                try (Socket s = new Socket(relay.url().getHost(), relay.url().getPort())) {
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /write?db=perfgate HTTP/1.1\r\nHost: x\r\nAuthorization: " + token
                            + "\r\nContent-Length: 100\r\n\r\nm v=").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.setSoTimeout(20_000);
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // until the relay closes
                    }
                } catch (java.net.SocketException closed) {
                    // reset by the relay: closed too
                }
                long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                assertTrue(seconds < 10, "a stalled request was cut after " + seconds + " s");
                assertEquals(204, status(write + "?db=perfgate", "POST", token, "m v=43"), "still serving");
            }
        }
    }

    private static int status(String url, String method, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            // the relay may answer 413 and close before the client has sent the whole body
            if (body != null && body.length() > InfluxRelay.MAX_BODY_BYTES) {
                return 413;
            }
            throw e;
        }
    }

    private static void admin(URI influx, String q) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(influx + "/query?q=" + enc(q)))
                .header("Authorization", new BasicAuth("perf", PW).header())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static String values(URI influx, String db) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(influx + "/query?db=" + db + "&q="
                + enc("SELECT v FROM m"))).header("Authorization", new BasicAuth("perf", PW).header()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return String.valueOf(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                .at("/results/0/series/0/values"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
