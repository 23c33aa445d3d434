package io.jenkins.plugins.perfgate.engine.runner.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lets JMeter's live InfluxDB Backend Listener write to an InfluxDB that wants basic authentication: JMeter's
 * sender can only send an {@code Authorization: Token} header (InfluxDB 1.8+ and 2.x), and putting the password in
 * the write URL would write it into the plan copy and JMeter's log. So the listener writes to this relay on
 * 127.0.0.1, which forwards each write to InfluxDB with the credentials added. Closed with the run.
 *
 * <p>Every process on the machine reaches 127.0.0.1, so the relay is no open proxy: a write must carry the run's
 * secret ({@link #token()}, random, sent by the listener as {@code Authorization: Token ...}); only
 * {@code POST /write} into the run's database is forwarded, with a query rebuilt from the checked values (never
 * the raw one); a body is at most {@link #MAX_BODY_BYTES} and a request may take {@link #MAX_REQUEST} in all;
 * the plan copy that holds the secret is readable by its owner only.
 */
public final class InfluxRelay implements AutoCloseable {

    /** Largest write forwarded: JMeter sends a few KB per label and interval; a hostile body is cut here. */
    public static final int MAX_BODY_BYTES = 8 << 20;
    /** Longest a request may take, reading included: a slow sender cannot hold a worker longer. */
    public static final Duration MAX_REQUEST = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Set<String> PRECISIONS = java.util.Set.of("ns", "n", "u", "ms", "s", "m", "h");

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI upstream;
    private final String database;
    private final BasicAuth auth;
    private final String token;
    private final Duration maxRequest;

    private InfluxRelay(URI upstream, String database, BasicAuth auth, Duration maxRequest) throws IOException {
        this.maxRequest = maxRequest;
        this.upstream = upstream;
        this.database = database;
        this.auth = auth;
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.workers = Executors.newFixedThreadPool(4, r -> daemon(r, "perfgate-influx-relay"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "perfgate-influx-relay-deadline"));
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts a relay to the InfluxDB at {@code upstream} (its base URL), adding {@code auth} to every write into
     * {@code database} that carries {@link #token()}; anything else is refused.
     */
    public static InfluxRelay start(URI upstream, String database, BasicAuth auth) throws IOException {
        return new InfluxRelay(upstream, database, auth, MAX_REQUEST);
    }

    /** A relay whose requests may take at most {@code maxRequest} (tests). */
    static InfluxRelay start(URI upstream, String database, BasicAuth auth, Duration maxRequest) throws IOException {
        return new InfluxRelay(upstream, database, auth, maxRequest);
    }

    /** The base URL JMeter writes to instead of InfluxDB's. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** This run's secret: the listener's {@code influxdbToken}. */
    public String token() {
        return token;
    }

    private void forward(HttpExchange ex) throws IOException {
        // a request that is not answered in time loses its connection (a blocked read ends with it)
        ScheduledFuture<?> deadline = deadlines.schedule(ex::close, maxRequest.toMillis(), TimeUnit.MILLISECONDS);
        try (ex) {
            if (!"/write".equals(ex.getRequestURI().getRawPath())) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            String query = checkedQuery(ex.getRequestURI().getRawQuery());
            if (query == null) {
                ex.sendResponseHeaders(403, -1);
                return;
            }
            byte[] body = body(ex);
            if (body == null) {
                ex.sendResponseHeaders(413, -1);
                return;
            }
            answer(ex, send(URI.create(upstream + "/write?" + query), body));
        } finally {
            deadline.cancel(false);
        }
    }

    private boolean authorized(String header) {
        byte[] expected = ("Token " + token).getBytes(StandardCharsets.UTF_8);
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * The upstream query built from the checked parameters: exactly one {@code db}, the run's, and at most one
     * known {@code precision}; anything else (other parameters, {@code ;} separators, encodings) is refused.
     */
    String checkedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        String db = null;
        String precision = null;
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String name = pair.substring(0, eq);
            String value;
            try {
                value = java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEncoding) {
                return null;
            }
            if ("db".equals(name) && db == null) {
                db = value;
            } else if ("precision".equals(name) && precision == null && PRECISIONS.contains(value)) {
                precision = value;
            } else {
                return null;
            }
        }
        if (!database.equals(db)) {
            return null;
        }
        return "db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (precision == null ? "" : "&precision=" + precision);
    }

    /** The request body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer send(URI target, byte[] body) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                    .header("Authorization", auth.header())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = r.body();
            // InfluxDB's error texts are short; never relay more than a few KB back
            return new Answer(r.statusCode(), answer.length > 4096 ? java.util.Arrays.copyOf(answer, 4096) : answer);
        } catch (IOException e) {
            return new Answer(502, ("perfgate relay: InfluxDB " + upstream + " unreachable: " + e.getMessage())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, new byte[0]);
        }
    }

    private static void answer(HttpExchange ex, Answer a) throws IOException {
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        if (a.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(a.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        deadlines.shutdownNow();
    }
}
