package io.jenkins.plugins.perfgate.cli;

import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The class path for a test's child JVM that runs perfgate's command line: the test's own without the Jenkins world
 * (Jenkins, its Groovy, Jetty, the browser drivers), which the command line never loads and {@code perfgate-cli.jar}
 * does not hold either. With all ~400 jars a child spent about a third more CPU: every resource lookup opens every
 * jar, and picocli finds Groovy and loads 290 of its classes.
 */
public final class TestCliClassPath {

    /** Groups of jars left out: {@code src/assembly/cli.xml} excludes the first ones, the rest come with Jenkins. */
    private static final Pattern JENKINS_WORLD = Pattern.compile(".*[/\\\\](org[/\\\\]jenkins-ci|io[/\\\\]jenkins"
            + "|org[/\\\\]jenkinsci|org[/\\\\]kohsuke|com[/\\\\]cloudbees|org[/\\\\]codehaus[/\\\\]groovy"
            + "|org[/\\\\]eclipse[/\\\\]jetty|org[/\\\\]seleniumhq|org[/\\\\]htmlunit|org[/\\\\]springframework"
            + "|io[/\\\\]netty|io[/\\\\]vertx|io[/\\\\]opentelemetry)[/\\\\].*\\.(jar|hpi|war)");

    private TestCliClassPath() {
    }

    /** This JVM's class path minus the jars the command line does not need. */
    public static String get() {
        return filter(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    }

    static String filter(List<String> entries) {
        return entries.stream().filter(e -> !JENKINS_WORLD.matcher(e).matches())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
