package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathSyntaxTest {

    @Test
    void windowsSpelledPathsBecomePosixOnes() {
        // what Path.of("/opt/perfgate/jmeter").resolve("bin/ApacheJMeter.jar") prints on Windows
        assertEquals("/opt/perfgate/jmeter/bin/ApacheJMeter.jar",
                PathSyntax.posix("\\opt\\perfgate\\jmeter\\bin\\ApacheJMeter.jar", "\\"));
        assertEquals("/perfgate/plan.jmx", PathSyntax.posix("\\perfgate\\plan.jmx", "\\"));
        assertEquals("java", PathSyntax.posix("java", "\\"));
        assertEquals("lib/util-2.0.jar", PathSyntax.posix("lib\\util-2.0.jar", "\\"));
        // POSIX machines: unchanged
        assertEquals("/opt/a b/x.jar", PathSyntax.posix("/opt/a b/x.jar", "/"));
    }

    @Test
    void aDriveOrAShareIsRefusedNamingThePath() {
        for (String local : List.of("C:\\Users\\me\\x.jar", "c:x.jar", "\\\\server\\share\\x.jar",
                "//server/share/x.jar")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PathSyntax.posix(local, "\\"));
            assertTrue(e.getMessage().contains(local), e.getMessage());
        }
    }

    @Test
    void classPathsUseTheTargetsSeparator() {
        List<Path> jars = List.of(Path.of("/opt/a.jar"), Path.of("/opt/b.jar"));
        assertEquals("/opt/a.jar:/opt/b.jar", PathSyntax.POSIX.classPath(jars));
        assertEquals("/opt/a.jar" + File.pathSeparator + "/opt/b.jar", PathSyntax.LOCAL.classPath(jars));
    }

    @Test
    void theCommandSpellsEveryPathWithItsSyntax() {
        JMeterInstallation home = new JMeterInstallation(Path.of("/opt/jm"), "5.6.3", Path.of("java"),
                new JMeterAddons(List.of(Path.of("/opt/add/plugins/p.jar")),
                        List.of(Path.of("/opt/add/lib/a.jar"), Path.of("/opt/add/lib/b.jar"))));
        List<String> cmd = home.command().pathSyntax(PathSyntax.POSIX).parentWatch(false)
                .plan(Path.of("/perfgate/plan.jmx")).results(Path.of("/work/results.jtl"))
                .log(Path.of("/work/jmeter.log")).propertyFile(java.util.Optional.of(Path.of("/perfgate/g.properties")))
                .nonGui();
        assertTrue(cmd.contains("-Juser.classpath=/opt/add/lib/a.jar:/opt/add/lib/b.jar"), cmd.toString());
        assertTrue(cmd.contains("-Jsearch_paths=/opt/add/plugins/p.jar"), cmd.toString());
        assertEquals(List.of("-jar", "/opt/jm/bin/ApacheJMeter.jar", "-n", "-t", "/perfgate/plan.jmx", "-l",
                "/work/results.jtl", "-j", "/work/jmeter.log"), cmd.subList(cmd.indexOf("-jar"), cmd.indexOf("-j") + 2));
        assertEquals("/perfgate/g.properties", cmd.get(cmd.indexOf("-q") + 1));
    }
}
