package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorFleet;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProvider;
import io.jenkins.plugins.perfgate.engine.runner.LaunchContext;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code kubernetes}: N pods, generator {@code gen-i} in pod {@code perfgate-<run>-gen-i}, each running JMeter on
 * its share of the plan (the same shares as local generators) and streaming its results back through the API
 * server; the runner summarises the result files as for local generators. See docs/kubernetes.md.
 */
public final class KubernetesGenerators implements GeneratorProvider {

    public static final String TYPE = "kubernetes";

    private final Function<KubernetesOptions, KubernetesClient> clients;

    /** The provider with clients configured from the plan's options (kubeconfig, context) or the environment. */
    public KubernetesGenerators() {
        this(KubernetesGenerators::client);
    }

    /** For tests: clients from elsewhere (a mock API server). */
    KubernetesGenerators(Function<KubernetesOptions, KubernetesClient> clients) {
        this.clients = clients;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public GeneratorFleet start(LaunchContext context) throws IOException {
        GeneratorSpec spec = context.plan().generators();
        KubernetesOptions options;
        try {
            options = KubernetesOptions.parse(spec.options());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        KubernetesClient client = clients.apply(options);
        String namespace = options.namespace().orElseGet(() -> client.getNamespace() == null ? "default"
                : client.getNamespace());
        RunLabels labels = RunLabels.random(options.labels());
        KubernetesFleet fleet = new KubernetesFleet(client, clients.apply(options), namespace, labels,
                context.log());
        try {
            RunCleanup.sweep(client, namespace, System.currentTimeMillis(), context.log());
            Map<String, String> files = PodFiles.build(context, spec.count(), options.mavenRepository());
            fleet.creating();
            ConfigMap owner = client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                    .withNewMetadata().withName(labels.ownerName()).withLabels(labels.of("run"))
                    .addToAnnotations(RunLabels.HEARTBEAT, Long.toString(System.currentTimeMillis()))
                    .endMetadata()
                    .addToData("plan", context.plan().name())
                    .addToData("generators", Integer.toString(spec.count()))
                    .build()).create();
            OwnerReference ref = RunLabels.ownerReference(owner);
            client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                    .withName(labels.secretName()).withLabels(labels.of("files")).withOwnerReferences(ref)
                    .endMetadata().withType("Opaque").withData(files).build()).create();
            Duration runLength = context.plan().effectiveTimeLimit().isZero() ? Duration.ofHours(24)
                    : context.plan().effectiveTimeLimit();
            context.log().accept("kubernetes: run " + labels.runId() + ": " + spec.count() + " pod(s) in namespace "
                    + namespace + ", image " + options.image());
            for (int i = 0; i < spec.count(); i++) {
                String id = "gen-" + (i + 1);
                var dir = context.generatorDir(id);
                Files.createDirectories(dir);
                Pod pod = PodSpecs.generator(labels, ref, options, spec, id, context.jmeter().addons(),
                        context.secretPropertyFile().isPresent(), runLength);
                try {
                    client.pods().inNamespace(namespace).resource(pod).create();
                    fleet.add(new PodGenerator(id, labels.podName(id), dir));
                } catch (KubernetesClientException e) {
                    context.log().accept("generator " + id + " could not start: " + e.getMessage());
                    fleet.add(PodGenerator.failedToStart(id, labels.podName(id), dir, e.getMessage()));
                }
            }
            fleet.awaitStarted(options.pendingTimeout());
            fleet.follow();
            return fleet;
        } catch (IOException | RuntimeException e) {
            fleet.kill();
            if (e instanceof KubernetesClientException k) {
                throw new IOException("kubernetes: " + k.getMessage() + rootCause(k) + " (API server "
                        + client.getMasterUrl() + ")", k);
            }
            throw e;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? "" : " " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** A client from the plan's kubeconfig file and context, else as fabric8 finds one (KUBECONFIG, in-cluster). */
    static KubernetesClient client(KubernetesOptions options) {
        // fabric8 logs through SLF4J; the CLI has no SLF4J binding, so keep SLF4J's own notice about that quiet
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Config config;
        if (options.kubeconfig().isPresent()) {
            try {
                config = Config.fromKubeconfig(options.context().orElse(null),
                        Files.readString(options.kubeconfig().get(), StandardCharsets.UTF_8),
                        options.kubeconfig().get().toString());
            } catch (IOException e) {
                throw new IllegalArgumentException("generators.options.kubeconfig: cannot read "
                        + options.kubeconfig().get() + ": " + e.getMessage(), e);
            }
        } else {
            config = Config.autoConfigure(options.context().orElse(null));
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
