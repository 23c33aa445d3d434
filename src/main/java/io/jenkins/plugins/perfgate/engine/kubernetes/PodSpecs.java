package io.jenkins.plugins.perfgate.engine.kubernetes;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterAddons;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterManifest;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.PathSyntax;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod of one generator. Its main container runs {@code PodRunner.java} (Java's single-file source launcher, so
 * the image needs nothing but a JRE), which starts JMeter and streams its results through the pod's log. Without
 * {@code jmeterHome}, an init container first assembles perfgate's checksummed JMeter from Maven Central into an
 * {@code emptyDir}; with plugins or libraries, another fetches the same jars the run resolved (same checksums) into
 * an {@code emptyDir} of their own. The pod reads everything else from the run's Secret; its spec holds paths, never
 * values.
 */
final class PodSpecs {

    static final String MAIN = "jmeter";
    static final String INIT = "provision-jmeter";
    static final String INIT_ADDONS = "provision-addons";
    static final String PROVISIONED_HOME = "/opt/perfgate/jmeter";
    /** Where the run's plugins ({@code plugins/}) and libraries ({@code lib/}) are put in a pod. */
    static final String ADDONS_HOME = "/opt/perfgate/addons";
    /** How long a pod may live past the run's planned end before Kubernetes stops it, whatever happens to perfgate. */
    static final Duration DEADLINE_MARGIN = Duration.ofMinutes(5);

    private PodSpecs() {
    }

    /**
     * @param addons    the run's plugins and libraries as resolved here ({@link PodFiles#addonsList})
     * @param runLength the longest the test may run (the plan's time limit)
     */
    @SuppressFBWarnings(value = "DMI_HARDCODED_ABSOLUTE_FILENAME",
            justification = "paths inside the generator pod, which perfgate lays out itself (volume mounts)")
    static Pod generator(RunLabels labels, OwnerReference owner, KubernetesOptions options, GeneratorSpec spec,
            String generator, JMeterAddons addons, boolean secretProperties, Duration runLength) {
        String home = options.jmeterHome().orElse(PROVISIONED_HOME);
        var jmeter = new JMeterInstallation(Path.of(home), JMeterManifest.DEFAULT_VERSION, Path.of("java"),
                inPod(addons))
                .command().pathSyntax(PathSyntax.POSIX).parentWatch(false).heap(spec.heap()).jvmOptions(spec.jvmArgs())
                .plan(Path.of(PodFiles.MOUNT, PodFiles.PLAN))
                .results(Path.of(PodFiles.WORK, "results.jtl")).log(Path.of(PodFiles.WORK, "jmeter.log"))
                .propertyFile(Optional.of(Path.of(PodFiles.MOUNT, PodFiles.propertiesKey(generator))))
                .propertyFile(secretProperties ? Optional.of(Path.of(PodFiles.MOUNT, PodFiles.SECRET_PROPERTIES))
                        : Optional.empty());
        List<String> command = new ArrayList<>(List.of("java", PodFiles.MOUNT + "/" + PodFiles.RUNNER,
                PodFiles.WORK + "/results.jtl", PodFiles.WORK + "/jmeter.log",
                Integer.toString(PodFiles.CONTROL_PORT), "--"));
        command.addAll(jmeter.nonGui());
        List<VolumeMount> files = List.of(mount("files", PodFiles.MOUNT, true), mount("work", PodFiles.WORK, false));
        List<VolumeMount> jmeterMounts = plus(files, mount("jmeter", home, false));
        List<VolumeMount> addonMounts = plus(files, mount("addons", ADDONS_HOME, false));
        List<VolumeMount> mainMounts = options.jmeterHome().isPresent() ? files : jmeterMounts;
        List<Container> init = new ArrayList<>();
        if (options.jmeterHome().isEmpty()) {
            init.add(container(INIT, options, List.of("java", PodFiles.MOUNT + "/" + PodFiles.PROVISION,
                    PodFiles.MOUNT + "/" + PodFiles.JMETER_LIST, home), jmeterMounts));
        }
        if (!addons.isEmpty()) {
            init.add(container(INIT_ADDONS, options, List.of("java", PodFiles.MOUNT + "/" + PodFiles.PROVISION,
                    PodFiles.MOUNT + "/" + PodFiles.ADDONS_LIST, ADDONS_HOME, "JMeter plugins and libraries"),
                    addonMounts));
            mainMounts = plus(mainMounts, mount("addons", ADDONS_HOME, true));
        }
        Container main = container(MAIN, options, command, mainMounts);
        long deadline = runLength.plus(options.pendingTimeout()).plus(DEADLINE_MARGIN).toSeconds();
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(labels.podName(generator))
                .withLabels(labels.ofGenerator(generator)).withAnnotations(options.annotations())
                .withOwnerReferences(owner).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(deadline)
                .withTerminationGracePeriodSeconds(30L)
                .withEnableServiceLinks(false)
                // the pods never call the API server; a token is mounted only for a service account the user names
                .withAutomountServiceAccountToken(options.serviceAccount().isPresent())
                .withServiceAccountName(options.serviceAccount().orElse(null))
                .withNodeSelector(options.nodeSelector().isEmpty() ? null : options.nodeSelector())
                .withTolerations(options.tolerations())
                .withInitContainers(init)
                .withContainers(main)
                .addNewVolume().withName("files").withNewSecret().withSecretName(labels.secretName())
                .withDefaultMode(0444).endSecret().endVolume()
                .addNewVolume().withName("work").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec();
        if (options.jmeterHome().isEmpty()) {
            pod.editSpec().addNewVolume().withName("jmeter").withNewEmptyDir().endEmptyDir().endVolume().endSpec();
        }
        if (!addons.isEmpty()) {
            pod.editSpec().addNewVolume().withName("addons").withNewEmptyDir().endEmptyDir().endVolume().endSpec();
        }
        return pod.build();
    }

    /**
     * The run's jars where the addons init container puts them in the pod (file names kept). Only the names of the
     * local jars are used: the pod's paths are built from the pod's constants and spelled the POSIX way by the
     * command ({@link PathSyntax#POSIX}), whatever this machine's rules are.
     */
    @SuppressFBWarnings(value = "DMI_HARDCODED_ABSOLUTE_FILENAME", justification = "a path inside the pod")
    static JMeterAddons inPod(JMeterAddons addons) {
        Path root = Path.of(ADDONS_HOME);
        return new JMeterAddons(
                addons.plugins().stream().map(p -> root.resolve("plugins").resolve(fileName(p))).toList(),
                addons.libraries().stream().map(p -> root.resolve("lib").resolve(fileName(p))).toList());
    }

    private static String fileName(Path local) {
        return String.valueOf(local.getFileName());
    }

    private static List<VolumeMount> plus(List<VolumeMount> mounts, VolumeMount more) {
        List<VolumeMount> all = new ArrayList<>(mounts);
        all.add(more);
        return List.copyOf(all);
    }

    private static Container container(String name, KubernetesOptions options, List<String> command,
            List<VolumeMount> mounts) {
        return new ContainerBuilder().withName(name).withImage(options.image()).withImagePullPolicy("IfNotPresent")
                .withCommand(command).withWorkingDir(PodFiles.WORK).withVolumeMounts(mounts)
                .withResources(new ResourceRequirementsBuilder().withRequests(options.requests().isEmpty() ? null
                        : options.requests()).withLimits(options.limits().isEmpty() ? null : options.limits())
                        .build())
                .build();
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(readOnly).build();
    }
}
