package io.jenkins.plugins.perfgate.engine.runner.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lets JMeter's live InfluxDB Backend Listener write to an InfluxDB that wants basic authentication: JMeter's
 * sender can only send an {@code Authorization: Token} header (InfluxDB 1.8+ and 2.x), and putting the password in
 * the write URL would write it into the plan copy and JMeter's log. So the listener writes to this relay on
 * 127.0.0.1 (an address only JMeter JVMs on this machine reach: local generators and jmeter-servers perfgate
 * starts), which forwards each write to InfluxDB with the credentials added. Closed with the run.
 */
public final class InfluxRelay implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI upstream;
    private final String database;
    private final BasicAuth auth;

    private InfluxRelay(URI upstream, String database, BasicAuth auth) throws IOException {
        this.upstream = upstream;
        this.database = database;
        this.auth = auth;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "perfgate-influx-relay");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/write", this::forward);
        server.start();
    }

    /**
     * Starts a relay to the InfluxDB at {@code upstream} (its base URL), adding {@code auth} to every write into
     * {@code database}; writes elsewhere are refused (other processes on this machine reach the relay too).
     */
    public static InfluxRelay start(URI upstream, String database, BasicAuth auth) throws IOException {
        return new InfluxRelay(upstream, database, auth);
    }

    /** The base URL JMeter writes to instead of InfluxDB's. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String query = ex.getRequestURI().getRawQuery();
            if (!database.equals(databaseOf(ex.getRequestURI().getQuery()))) {
                ex.sendResponseHeaders(403, -1);
                return;
            }
            URI target = URI.create(upstream + "/write" + (query == null ? "" : "?" + query));
            int status;
            byte[] answer;
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                        .header("Authorization", auth.header())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                status = r.statusCode();
                answer = r.body();
            } catch (IOException e) {
                status = 502;
                answer = ("perfgate relay: InfluxDB " + upstream + " unreachable: " + e.getMessage()).getBytes();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 503;
                answer = new byte[0];
            }
            ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** The {@code db} parameter of a decoded query string, or null. */
    private static String databaseOf(String query) {
        if (query == null) {
            return null;
        }
        String db = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("db=")) {
                if (db != null) {
                    return null; // two databases: refused
                }
                db = pair.substring(3);
            }
        }
        return db;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
