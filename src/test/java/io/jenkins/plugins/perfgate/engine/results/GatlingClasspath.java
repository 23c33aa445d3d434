package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class path of a Gatling release for tests that run it in a forked JVM: resolved with transitive dependencies
 * by the project's Maven Wrapper from a throw-away POM (offline first, from the local repository; then from the
 * configured repositories), kept in {@code target/} for the next test run. Gatling is not a test dependency of perfgate
 * so that its Netty, Scala and Jackson never meet the Jenkins test classpath.
 */
final class GatlingClasspath {

    private GatlingClasspath() {
    }

    static String resolve(String coordinates) throws IOException, InterruptedException {
        String[] gav = coordinates.split(":");
        Path work = Path.of("target", "gatling-" + gav[2]).toAbsolutePath();
        Path out = work.resolve("classpath.txt");
        if (Files.isRegularFile(out) && Files.size(out) > 0) {
            return Files.readString(out).strip();
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>perfgate.test</groupId><artifactId>gatling-classpath</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <dependencies><dependency>
                    <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  </dependency></dependencies>
                </project>
                """.formatted(gav[0], gav[1], gav[2]), StandardCharsets.UTF_8);
        String failure = "";
        for (boolean offline : new boolean[] {true, false}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q",
                    "-ntp", "-f", work.resolve("pom.xml").toString(),
                    "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath",
                    "-Dmdep.outputFile=" + out));
            if (offline) {
                cmd.add("-o");
            }
            String repo = System.getProperty("maven.repo.local");
            if (repo != null) {
                cmd.add("-Dmaven.repo.local=" + repo);
            }
            Path log = work.resolve("mvn.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("resolving " + coordinates + " took more than 5 minutes");
            }
            if (p.exitValue() == 0 && Files.isRegularFile(out)) {
                return Files.readString(out).strip();
            }
            failure = Files.readString(log);
        }
        throw new IOException("cannot resolve " + coordinates + ":\n" + failure);
    }
}
