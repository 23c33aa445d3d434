package io.jenkins.plugins.perfgate.cli;

import java.util.Optional;

/**
 * Ends this command's JVM (through its shutdown hooks, so the running plan stops and its generators with it) when
 * the process that started it is gone: a Jenkins agent whose JVM ended must not leave load running on its machine.
 */
final class ParentGone {

    static final int EXIT_PARENT_GONE = 143;
    private static final long POLL_MILLIS = 1_000;

    private ParentGone() {
    }

    static void watch() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            while (p.isAlive()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("perfgate: the process that started this run is gone: stopping");
            System.exit(EXIT_PARENT_GONE);
        }, "perfgate-parent-gone");
        t.setDaemon(true);
        t.start();
    }
}
