package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.jenkins.plugins.perfgate.engine.runner.Generator;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorFleet;
import io.jenkins.plugins.perfgate.engine.runner.ResultFile;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The generator pods of one run. Each time the runner asks whether the run is {@link #finished()} (a few times a
 * second) the fleet reads the pods' status at most every second (a pod that fails or vanishes fails its generator,
 * naming it and the reason) and renews the run's heartbeat every 30 s; a thread per pod follows its log.
 * {@link #kill()} deletes every object of the run, on every path out of the run.
 */
final class KubernetesFleet implements GeneratorFleet {

    static final long POLL_MILLIS = 1_000;
    static final long HEARTBEAT_MILLIS = 30_000;
    /** How long {@link #requestStop()} gives a pod to stop JMeter and send its last results. */
    static final long STOP_GRACE_SECONDS = 30;

    private final KubernetesClient client;
    /** Log streams get their own client (connections), so a long stream never holds up a status read. */
    private final KubernetesClient logClient;
    private final String namespace;
    private final RunLabels labels;
    private final Consumer<String> log;
    private final List<PodGenerator> generators = new CopyOnWriteArrayList<>();
    private final List<LogWatch> watches = new CopyOnWriteArrayList<>();
    private volatile boolean killed;
    private final java.util.concurrent.atomic.AtomicBoolean killing = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether any object of the run may exist (so there is something to delete). */
    private volatile boolean created;
    private long lastPoll;
    private long lastBeat = System.currentTimeMillis();

    KubernetesFleet(KubernetesClient client, KubernetesClient logClient, String namespace, RunLabels labels,
            Consumer<String> log) {
        this.client = client;
        this.logClient = logClient;
        this.namespace = namespace;
        this.labels = labels;
        this.log = log;
    }

    /** Called before the first object of the run is created. */
    void creating() {
        created = true;
    }

    void add(PodGenerator generator) {
        generators.add(generator);
    }

    /**
     * Waits until no pod is pending. A pod pending past {@code timeout} fails the whole run before load starts: the
     * exception names the pod and why it waits (from its status and events).
     */
    void awaitStarted(Duration timeout) throws IOException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            Map<String, Pod> pods = pods();
            List<String> pending = new ArrayList<>();
            for (PodGenerator g : generators) {
                Pod pod = pods.get(g.pod());
                if (g.streamEnded()) {
                    continue;
                }
                if (pod == null) {
                    throw new IOException("kubernetes: pod " + g.pod() + " vanished before it started");
                }
                if ("Pending".equals(PodStatuses.phase(pod))) {
                    pending.add(g.pod());
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() >= deadline) {
                List<Event> events = events();
                List<String> reasons = new ArrayList<>();
                for (String name : pending) {
                    reasons.add("pod " + name + ": " + PodStatuses.pendingReason(pods.get(name), events));
                }
                throw new IOException("kubernetes: " + pending.size() + " pod(s) still pending after "
                        + timeout.toSeconds() + " s (generators.options.pendingTimeout), run not started: "
                        + String.join("; ", reasons));
            }
            try {
                Thread.sleep(POLL_MILLIS / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("kubernetes: interrupted while waiting for the pods to start", e);
            }
        }
    }

    /** Starts following every started pod's log. */
    void follow() {
        for (PodGenerator g : generators) {
            if (g.streamEnded()) {
                continue;
            }
            // no wait for the Ready condition: the pod has left Pending, and its log is what tells how it goes
            LogWatch watch = logClient.pods().inNamespace(namespace).withName(g.pod()).inContainer(PodSpecs.MAIN)
                    .withReadyWaitTimeout(0)
                    .watchLog();
            watches.add(watch);
            Thread t = new Thread(() -> {
                try {
                    g.follow(watch.getOutput());
                } finally {
                    watch.close(); // frees its connection
                }
            }, "perfgate-log-" + g.id());
            t.setDaemon(true);
            t.start();
        }
    }

    private void watchPods() {
        if (killed) {
            return;
        }
        try {
            Map<String, Pod> pods = pods();
            for (PodGenerator g : generators) {
                Pod pod = pods.get(g.pod());
                if (pod == null) {
                    g.podEnded("was deleted (not by perfgate)");
                } else if ("Failed".equals(PodStatuses.phase(pod))) {
                    g.podEnded(PodStatuses.failure(pod));
                } else if ("Succeeded".equals(PodStatuses.phase(pod))) {
                    g.podEnded("");
                }
            }
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            if (!killed) {
                log.accept("kubernetes: cannot read the pods' status: " + e);
            }
        }
    }

    private void heartbeat() {
        try {
            client.configMaps().inNamespace(namespace).withName(labels.ownerName()).edit(cm -> {
                cm.getMetadata().getAnnotations().put(RunLabels.HEARTBEAT,
                        Long.toString(System.currentTimeMillis()));
                return cm;
            });
        } catch (RuntimeException e) {
            if (!killed) {
                log.accept("kubernetes: cannot renew the run's heartbeat: " + e.getMessage());
            }
        }
    }

    private Map<String, Pod> pods() {
        Map<String, Pod> byName = new HashMap<>();
        for (Pod p : client.pods().inNamespace(namespace).withLabel(RunLabels.RUN, labels.runId()).list()
                .getItems()) {
            byName.put(p.getMetadata().getName(), p);
        }
        return byName;
    }

    private List<Event> events() {
        try {
            return client.v1().events().inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    @Override
    public List<Generator> generators() {
        return List.copyOf(generators);
    }

    @Override
    public List<ResultFile> resultFiles() {
        return generators.stream().map(g -> ResultFile.of(g.results(), g.id())).toList();
    }

    @Override
    public boolean finished() {
        long now = System.currentTimeMillis();
        if (now - lastPoll >= POLL_MILLIS) {
            lastPoll = now;
            watchPods();
        }
        if (now - lastBeat >= HEARTBEAT_MILLIS) {
            lastBeat = now;
            heartbeat();
        }
        return generators.stream().noneMatch(g -> g.state() == Generator.State.RUNNING);
    }

    /** Deletes the pods gracefully: each pod's runner asks JMeter to stop now and sends its last results. */
    @Override
    public void requestStop() {
        try {
            client.pods().inNamespace(namespace).withLabel(RunLabels.RUN, labels.runId())
                    .withGracePeriod(STOP_GRACE_SECONDS).delete();
        } catch (KubernetesClientException e) {
            log.accept("kubernetes: cannot stop the pods: " + e.getMessage());
        }
    }

    /** Deletes every object of the run (idempotent); waits a little for the log streams to be written out. */
    @Override
    public void kill() {
        if (!killing.compareAndSet(false, true)) {
            return;
        }
        killed = true;
        generators.forEach(PodGenerator::markKilledByUs);
        if (created) {
            RunCleanup.delete(client, namespace, labels.runId(), log);
        }
        long deadline = System.currentTimeMillis() + 3_000;
        while (generators.stream().anyMatch(g -> !g.streamEnded()) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        watches.forEach(LogWatch::close);
        logClient.close();
        client.close();
    }

    @Override
    public List<Long> pids() {
        return List.of(); // no local process
    }
}
