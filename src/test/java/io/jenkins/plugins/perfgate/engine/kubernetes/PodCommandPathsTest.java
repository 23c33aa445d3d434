package io.jenkins.plugins.perfgate.engine.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterAddons;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generator pods run Linux whatever machine perfgate runs on: their command line follows POSIX rules even where
 * this machine's differ. The second test builds it in a JVM with Windows' class path separator ({@code ;}); Windows'
 * name separator cannot be faked in a JVM (it would no longer load its classes): {@code PathSyntaxTest} maps
 * Windows-spelled paths.
 */
class PodCommandPathsTest {

    @Test
    void thePodsCommandFollowsPosixRules() {
        checkPosix(command());
    }

    @Test
    void aMachineWithWindowsClassPathSeparatorStillGivesThePodsPosixOne() throws Exception {
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1",
                "-Dpath.separator=;", "-cp", String.join(";", classPath),
                PodCommandPathsTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("path.separator ;\n"), out);
        checkPosix(List.of(out.substring(out.indexOf('\n') + 1).split("\n")));
    }

    /** Prints this JVM's class path separator, then the pod's command, one argument a line. */
    public static void main(String[] args) {
        System.out.print("path.separator " + File.pathSeparator + "\n"
                + String.join("\n", command()));
    }

    private static List<String> command() {
        // the run's jars as resolved on this machine: only their names reach the pod
        Path cache = Path.of("/home/me/.cache/perfgate");
        JMeterAddons addons = new JMeterAddons(List.of(cache.resolve("plugins/probe-1.0.jar")),
                List.of(cache.resolve("lib/util-2.0.jar"), cache.resolve("lib/json-1.1.jar")));
        GeneratorSpec spec = new GeneratorSpec("kubernetes", 2, List.of(), "256m", "StrippedBatch", Map.of());
        Pod pod = PodSpecs.generator(RunLabels.random(Map.of()), new OwnerReference(), KubernetesOptions.parse(
                Map.of()), spec, "gen-1", addons, true, Duration.ofMinutes(1));
        Container main = pod.getSpec().getContainers().get(0);
        return List.copyOf(main.getCommand());
    }

    private static void checkPosix(List<String> command) {
        String a = PodSpecs.ADDONS_HOME;
        assertTrue(command.contains("-Juser.classpath=" + a + "/lib/util-2.0.jar:" + a + "/lib/json-1.1.jar"),
                command.toString());
        assertTrue(command.contains("-Jsearch_paths=" + a + "/plugins/probe-1.0.jar"), command.toString());
        List<String> paths = new ArrayList<>();
        for (String option : List.of("-jar", "-t", "-l", "-j", "-q")) {
            for (int i = command.indexOf(option); i >= 0 && i < command.size() - 1; i = -1) {
                paths.add(command.get(i + 1));
            }
        }
        assertEquals(List.of(PodSpecs.PROVISIONED_HOME + "/bin/ApacheJMeter.jar", "/perfgate/plan.jmx",
                "/work/results.jtl", "/work/jmeter.log", "/perfgate/gen-1.properties"), paths);
        assertEquals("java", command.get(0));
        for (String arg : command) {
            assertFalse(arg.contains("\\") || arg.contains(";/") || arg.contains("/home/me"), arg);
        }
    }
}
