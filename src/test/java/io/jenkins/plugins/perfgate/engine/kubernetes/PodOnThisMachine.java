package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs a generator pod's main container command on this machine: the Secret's files in {@code dir/perfgate} (for
 * {@code /perfgate}), an empty {@code dir/work} (for {@code /work}), the tests' JMeter for the provisioned home and
 * this JVM's {@code java}; the run's plugins and libraries from {@code dir/addons} (for {@code /opt/perfgate/addons}).
 * Its standard output, the pod's log, goes to {@code dir/log}.
 */
final class PodOnThisMachine {

    private PodOnThisMachine() {
    }

    static Process start(Pod pod, Secret secret, Path dir) throws IOException {
        Path files = Files.createDirectories(dir.resolve("perfgate"));
        Path work = Files.createDirectories(dir.resolve("work"));
        for (Map.Entry<String, String> e : secret.getData().entrySet()) {
            Files.write(files.resolve(e.getKey()), Base64.getDecoder().decode(e.getValue()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String home = TestJMeter.installation().home().toString();
        List<String> command = new ArrayList<>();
        for (String arg : pod.getSpec().getContainers().get(0).getCommand()) {
            command.add(arg.equals("java") ? java : local(local(local(arg, PodFiles.WORK, work.toString()),
                    PodFiles.MOUNT, files.toString()), PodSpecs.PROVISIONED_HOME, home)
                    .replace(PodSpecs.ADDONS_HOME + "/", dir.resolve("addons") + "/"));
        }
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start();
    }

    private static String local(String arg, String podPath, String localPath) {
        return arg.startsWith(podPath + "/") ? localPath + arg.substring(podPath.length()) : arg;
    }

    /** The log stream PodRunner.java sends for these result lines, ending with exit code {@code code}. */
    static String stream(List<String> rows, int code) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder out = new StringBuilder("O JMeter started\n");
        for (String row : rows) {
            out.append("R ").append(row).append('\n');
            sha.update((row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.append("E ").append(code).append(' ').append(rows.size()).append(' ')
                .append(HexFormat.of().formatHex(sha.digest())).append('\n').toString();
    }
}
