package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The plugin's Jelly views against the real Jenkins taglibs, and the escaping every view must switch on. */
class JellyViewsTest {

    static final File CHECKER = new File("../shared/tools/check-jelly");

    @Test
    void checkJellyReportsNoProblem() throws Exception {
        Assumptions.assumeTrue(CHECKER.canExecute(), "check-jelly comes with the Jenkins kit (../shared/tools)");
        Process p = new ProcessBuilder(CHECKER.getPath(), "src/main/resources").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "check-jelly finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("0 problems"), out);
    }

    @Test
    void everyViewEscapesByDefaultAndEveryFieldHasHelp() throws Exception {
        List<Path> views;
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources"))) {
            views = s.filter(f -> f.toString().endsWith(".jelly")).toList();
        }
        assertTrue(views.size() >= 10);
        for (Path v : views) {
            assertTrue(Files.readString(v).startsWith("<?jelly escape-by-default='true'?>"), v.toString());
            if (v.getFileName().toString().equals("config.jelly")) {
                var m = java.util.regex.Pattern.compile("field=\"(\\w+)\"").matcher(Files.readString(v));
                while (m.find()) {
                    // beside the form, or (gate fields of the recorder) in the builder's folder, the help's one home;
                    // ConfigurationTest checks that Jenkins serves every field's help from where it is
                    String help = "help-" + m.group(1) + ".html";
                    assertTrue(Files.exists(v.resolveSibling(help)) || Files.exists(v.getParent().resolveSibling(
                            "PerformanceTestBuilder").resolve(help)), "help for " + m.group(1) + " of " + v);
                }
            }
        }
    }
}
