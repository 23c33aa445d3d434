package io.jenkins.plugins.perfgate.engine.runner.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP application to load-test on 127.0.0.1 (the JDK's HTTP server, virtual threads): a fast home page and
 * item list, a slower search, a slow checkout that fails one request in {@value #CHECKOUT_FAILURE_EVERY}, a larger
 * static file, and {@code /delay/<ms>} and {@code /status/<code>} for tests. Used by {@code perfgate demo}, tests
 * and the benchmark.
 */
public final class DemoTarget implements AutoCloseable {

    /** Every n-th checkout answers 500. */
    public static final int CHECKOUT_FAILURE_EVERY = 25;

    private static final byte[] HOME = "<!doctype html><title>perfgate demo shop</title><h1>Demo shop</h1>"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] STATIC = "/* demo asset */\n".repeat(1200).getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong checkouts = new AtomicLong();

    private DemoTarget(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1, on {@code port} (0: a free one). */
    public static DemoTarget start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        DemoTarget target = new DemoTarget(server, executor);
        server.setExecutor(executor);
        server.createContext("/", target::handle);
        server.start();
        return target;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** Requests served so far. */
    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (path.equals("/")) {
                send(exchange, 200, "text/html", HOME);
            } else if (path.equals("/api/items")) {
                send(exchange, 200, "application/json", json("{\"items\":[" + "{\"id\":1,\"name\":\"lamp\"},"
                        .repeat(20) + "{\"id\":2,\"name\":\"desk\"}]}"));
            } else if (path.equals("/api/search")) {
                sleep(15 + random.nextInt(30));
                send(exchange, 200, "application/json", json("{\"hits\":3}"));
            } else if (path.equals("/api/checkout")) {
                sleep(60 + random.nextInt(80));
                if (checkouts.incrementAndGet() % CHECKOUT_FAILURE_EVERY == 0) {
                    send(exchange, 500, "application/json", json("{\"error\":\"payment backend timeout\"}"));
                } else {
                    send(exchange, 200, "application/json", json("{\"order\":\"ok\"}"));
                }
            } else if (path.equals("/static/app.js")) {
                send(exchange, 200, "application/javascript", STATIC);
            } else if (path.startsWith("/delay/")) {
                sleep(Math.min(60_000, parse(path.substring(7), 0)));
                send(exchange, 200, "text/plain", json("ok"));
            } else if (path.startsWith("/status/")) {
                int code = (int) parse(path.substring(8), 500);
                send(exchange, code < 200 || code > 599 ? 500 : code, "text/plain", json("status"));
            } else {
                send(exchange, 404, "text/plain", json("not found"));
            }
        }
    }

    private static long parse(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
