package io.jenkins.plugins.perfgate.engine.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rendering in a JVM started with {@code java.awt.headless=true}, as on a Jenkins controller or agent without a
 * display: a fresh JVM runs the chart benchmark (PNG and SVG of a trend chart) with the test class path. This also
 * keeps the benchmark entry point working; its figures are printed, never asserted.
 */
class HeadlessRenderingTest {

    @Test
    void rendersInAHeadlessJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), ChartBenchmark.class.getName(), "200", "3"))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "benchmark did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("(headless: true)"), out);
        assertTrue(out.contains("PNG  empty chart (baseline)") && out.contains("SVG  empty chart (baseline)"), out);
    }
}
