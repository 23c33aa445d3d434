package io.jenkins.plugins.perfgate.engine.runner.metrics;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pushes a running test's figures to the Pushgateway from a background thread, so a slow or absent Pushgateway
 * never delays the run loop: a push offered while the previous one is still in flight is dropped (the next one
 * carries newer figures anyway). A failure is reported once, not every interval. {@link #close} waits for the push
 * in flight, so a late live push can never overwrite the after-run figures.
 */
public final class LivePush implements AutoCloseable {

    /** Sends one Prometheus text body. */
    @FunctionalInterface
    interface Sender {
        void push(String body) throws IOException;
    }

    private static final long CLOSE_WAIT_SECONDS = 20;

    private final Sender sender;
    private final String target;
    private final Consumer<String> out;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perfgate live Pushgateway");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicLong pushed = new AtomicLong();

    LivePush(Sender sender, String target, Consumer<String> out) {
        this.sender = sender;
        this.target = target;
        this.out = out;
    }

    /** Pushes {@code body} in the background unless a push is still in flight; returns whether it was taken. */
    public boolean offer(String body) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        executor.execute(() -> {
            try {
                sender.push(body);
                pushed.incrementAndGet();
            } catch (IOException e) {
                if (warned.compareAndSet(false, true)) {
                    out.accept("perfgate: warning: live " + e.getMessage() + " (further failures not reported)");
                }
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    /** Live pushes that succeeded. */
    public long pushed() {
        return pushed.get();
    }

    /** Waits for the push in flight (at most 20 s), then reports how many pushes went through; idempotent. */
    @Override
    public void close() {
        if (executor.isShutdown()) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (pushed.get() > 0) {
            out.accept("perfgate: live figures pushed to " + target + " " + pushed.get() + " time(s) during the run");
        }
    }
}
