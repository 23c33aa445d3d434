package io.jenkins.plugins.perfgate;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The issue 21 figure "a summary with 5,000 labels": its size on disk ({@code summary.json}, the label figures file)
 * and in {@code build.xml}, and the server time of the build's Performance page and of the job page, each beside a
 * 20-label run measured in the same JVM. Not a test (the suite does not run it: its name does not end in Test); run
 * by {@code bin/bench costs}, or by hand: {@code ./mvnw -o test -Dtest=ManyLabelsCostBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotbugs.skip}. Prints to standard output and to
 * {@code target/many-labels-cost.txt}. Page times are the median of 7 requests after 2 unmeasured ones, fetched
 * over HTTP with no HTML parsing (the server's time and the transfer), with the CPU the Jenkins JVM spent on them
 * (a figure that means more than wall time on a loaded machine).
 */
@WithJenkins
class ManyLabelsCostBenchmark {

    private static final int ROUNDS = 7;

    private record Figures(int labels, long summary, long labelFigures, long buildXml, Page buildPage, Page jobPage) {
    }

    private record Page(long millis, long cpuMillis, long bytes) {
    }

    @Test
    void summaryWithFiveThousandLabels(JenkinsRule j) throws Exception {
        Figures base = measure(j, 20);
        Figures many = measure(j, 5_000);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "  %-8s %12s %14s %11s %22s %22s", "labels", "summary.json",
                "label-figures", "build.xml", "build page ms (CPU)", "job page ms (CPU)"));
        out.add(line(base) + "  <- baseline");
        out.add(line(many));
        out.add(String.format(Locale.ROOT, "  250x the labels: summary.json %.1fx, build.xml %.1fx, build page %.1fx "
                + "(CPU %.1fx), job page %.1fx (CPU %.1fx)", ratio(many.summary, base.summary),
                ratio(many.buildXml, base.buildXml), ratio(many.buildPage.millis, base.buildPage.millis),
                ratio(many.buildPage.cpuMillis, base.buildPage.cpuMillis), ratio(many.jobPage.millis,
                        base.jobPage.millis), ratio(many.jobPage.cpuMillis, base.jobPage.cpuMillis)));
        out.add("  targets: build.xml < 150 KB whatever the labels; pages < 1 s (issue 22)");
        out.forEach(System.out::println);
        Files.write(Path.of("target", "many-labels-cost.txt"), out);
    }

    private static String line(Figures f) {
        return String.format(Locale.ROOT, "  %-8s %,12d %,14d %,11d %,9d (%,5d) %,6d KB %,9d (%,5d) %,6d KB",
                String.format(Locale.ROOT, "%,d", f.labels), f.summary, f.labelFigures, f.buildXml,
                f.buildPage.millis, f.buildPage.cpuMillis, f.buildPage.bytes / 1024, f.jobPage.millis,
                f.jobPage.cpuMillis, f.jobPage.bytes / 1024);
    }

    private static double ratio(long a, long b) {
        return (double) a / Math.max(1, b);
    }

    private static Figures measure(JenkinsRule j, int labels) throws Exception {
        Jtl jtl = new Jtl();
        for (int i = 0; i < labels; i++) {
            jtl.add(String.format(Locale.ROOT, "GET /api/resource-%04d", i), 3 + i % 10, 10 + i % 50, 7, 0);
        }
        FreeStyleProject p = j.createFreeStyleProject("labels-" + labels);
        p.getBuildersList().add(TestBuilders.writeFile("results/run.jtl", jtl.text()));
        p.getPublishersList().add(new PerfgateRecorder("results/*.jtl"));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        File dir = new File(b.getRootDir(), "perfgate");
        File figures = new File(dir, "label-figures.json");
        return new Figures(labels, new File(dir, "summary.json").length(), figures.isFile() ? figures.length() : 0,
                new File(b.getRootDir(), "build.xml").length(), page(j.getURL() + b.getUrl() + "perfgate/"),
                page(j.getURL() + p.getUrl()));
    }

    private static Page page(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).build();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] wall = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        long bytes = 0;
        for (int i = -2; i < ROUNDS; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(url + " answered " + r.statusCode());
            }
            if (i >= 0) {
                wall[i] = (System.nanoTime() - t0) / 1_000_000;
                cpu[i] = (os.getProcessCpuTime() - c0) / 1_000_000;
                bytes = r.body().length;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Page(wall[ROUNDS / 2], cpu[ROUNDS / 2], bytes);
    }
}
