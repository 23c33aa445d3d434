package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.agent.RunPlans;
import io.jenkins.plugins.perfgate.config.FieldChecks;
import io.jenkins.plugins.perfgate.config.GeneratorPool;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.history.ResultId;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings beans and small translations, without a Jenkins. */
class SettingsTest {

    @Test
    void propertiesParseLinesAndPairsAndRejectJunk() {
        TestSettings s = new TestSettings();
        s.setProperties("threads=4\n# comment\n\nhost = shop.test\nurl=http://x/?a=1,b=2");
        assertEquals(Map.of("threads", "4", "host", "shop.test", "url", "http://x/?a=1,b=2"), s.parsedProperties());
        s.setProperties("threads=4, rampUp=5");
        assertEquals(Map.of("threads", "4", "rampUp", "5"), s.parsedProperties());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.setProperties("a=1\nbroken"));
        assertTrue(e.getMessage().contains("entry 2") && e.getMessage().contains("broken"), e.getMessage());
    }

    @Test
    void numbersAndFoldersAreBounded() {
        TestSettings s = new TestSettings();
        assertThrows(IllegalArgumentException.class, () -> s.setDuration(-1));
        assertThrows(IllegalArgumentException.class, () -> s.setTimeLimit(TestSettings.MAX_SECONDS + 1));
        assertThrows(IllegalArgumentException.class, () -> s.setApdexT(-5));
        for (String bad : List.of("/tmp/x", "../up", ".", "./", "a/../../b", "C:\\\\x")) {
            assertThrows(IllegalArgumentException.class, () -> s.setOutputDir(bad), bad);
        }
        s.setOutputDir("perf/out");
        assertEquals("perf/out", s.getOutputDir());
        s.setOutputDir("");
        assertEquals(PublishSettings.DEFAULT_OUTPUT_DIR, s.getOutputDir());
    }

    @Test
    void resultIdsAreFolderAndUrlSafe() {
        PublishSettings s = new PublishSettings();
        assertEquals("", s.getId(), "no id by default: the build's one result");
        s.setId(" api ");
        assertEquals("api", s.getId());
        s.setId("web_2-front");
        assertEquals("web_2-front", s.getId());
        for (String bad : List.of("API", "-web", "a/b", "..", "a b", "x".repeat(41), "<b>")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.setId(bad), bad);
            assertTrue(e.getMessage().startsWith("id must be"), e.getMessage());
        }
        assertEquals("web_2-front", s.getId(), "a rejected id leaves the last good one");
        s.setId("");
        assertEquals("", s.getId());
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.id("Web").kind);
        assertEquals(FormValidation.Kind.OK, FieldChecks.id("web").kind);
        assertEquals("perfgate", ResultId.folder(""));
        assertEquals("perfgate-api", ResultId.folder("api"));
    }

    @Test
    void settingsMissingFromStoredXmlGetTheirDefaults() {
        // what XStream gives for a stored configuration without these fields: nulls, then readResolve
        TestSettings s = (TestSettings) new hudson.util.XStream2().fromXML(
                "<io.jenkins.plugins.perfgate.settings.TestSettings/>");
        assertEquals("", s.getId());
        assertEquals("", s.getPlan());
        assertEquals("", s.getCriteria());
        assertEquals(PublishSettings.DEFAULT_OUTPUT_DIR, s.getOutputDir());
        assertTrue(s.html() && s.publish(), "booleans that default to true stay true");
    }

    @Test
    void generatorSpecsBecomeThePlansGeneratorSection() throws Exception {
        assertEquals("{\"type\":\"local\",\"count\":3}", RunPlans.generators("local:3").toString());
        assertEquals("{\"type\":\"jmeter-servers\",\"servers\":[\"10.0.0.5:1099\",\"h2:2000\"]}",
                RunPlans.generators("servers:10.0.0.5, h2:2000").toString());
        assertThrows(AbortException.class, () -> RunPlans.generators("local:0"));
        assertThrows(AbortException.class, () -> RunPlans.generators("cloud:7"));
        GeneratorPool pool = new GeneratorPool(" lab ");
        pool.setType("servers");
        pool.setHosts("a:1\nb");
        assertEquals("lab", pool.getName());
        assertEquals("servers:a:1,b", pool.toSpec());
        pool.setLocalCount(1000);
        assertEquals(GeneratorPool.MAX_LOCAL, pool.getLocalCount());
        assertEquals("{\"type\":\"agents\",\"count\":4,\"options\":{\"label\":\"loadgen && linux\"}}",
                RunPlans.generators("agents:loadgen && linux:4").toString());
        pool.setType("agents");
        pool.setLabel(" (perf || loadgen) && !windows ");
        pool.setAgentCount(3);
        assertEquals("agents:(perf || loadgen) && !windows:3", pool.toSpec());
    }

    @Test
    void kubernetesShorthandAndPoolsBecomeTheGeneratorSection() throws Exception {
        assertEquals("{\"type\":\"kubernetes\",\"count\":2,\"options\":{\"namespace\":\"perf\"}}",
                RunPlans.generators("kubernetes:perf:2").toString());
        assertThrows(AbortException.class, () -> RunPlans.generators("kubernetes:Perf:2"));
        GeneratorPool pool = new GeneratorPool("k8s");
        pool.setType("kubernetes");
        pool.setNamespace(" load ");
        pool.setPodCount(99);
        pool.setImage("registry.local/jre:21");
        pool.setCpu("2");
        pool.setMemoryLimit("1536Mi");
        pool.setKubeconfigCredentialsId(" kube ");
        assertEquals("kubernetes:load:64", pool.toSpec());
        assertEquals(Map.of("image", "registry.local/jre:21", "cpu", "2", "memoryLimit", "1536Mi"), pool.options());
        assertEquals("kube", pool.getKubeconfigCredentialsId());
        pool.setType("local");
        assertEquals(Map.of(), pool.options(), "only kubernetes pools set pod options");
        assertEquals("", pool.getKubeconfigCredentialsId());
    }

    @Test
    void aKubernetesShorthandKeepsThePlansOtherKubernetesSettings() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var planned = json.readTree("{\"type\":\"kubernetes\",\"count\":5,\"heap\":\"1g\","
                + "\"options\":{\"namespace\":\"x\",\"pendingTimeout\":\"30s\",\"cpu\":\"1\"}}");
        assertEquals("{\"type\":\"kubernetes\",\"count\":2,\"heap\":\"1g\",\"options\":{\"namespace\":\"perf\","
                + "\"pendingTimeout\":\"30s\",\"cpu\":\"4\"}}",
                RunPlans.overlay(planned, RunPlans.generators("kubernetes:perf:2"), Map.of("cpu", "4")).toString());
        // another kind replaces the plan's generators
        assertEquals("{\"type\":\"local\",\"count\":3}",
                RunPlans.overlay(planned, RunPlans.generators("local:3"), Map.of()).toString());
        // a plan with other generators: the shorthand's alone
        assertEquals("{\"type\":\"kubernetes\",\"count\":1,\"options\":{\"namespace\":\"a\"}}",
                RunPlans.overlay(json.readTree("{\"type\":\"local\",\"count\":4}"),
                        RunPlans.generators("kubernetes:a:1"), Map.of()).toString());
    }

    @Test
    void kubernetesQuantitiesAreCheckedWithoutAClient() {
        assertEquals(FormValidation.Kind.OK, FieldChecks.quantity("500m").kind);
        assertEquals(FormValidation.Kind.OK, FieldChecks.quantity("1536Mi").kind);
        assertEquals(FormValidation.Kind.OK, FieldChecks.quantity("").kind);
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.quantity("lots").kind);
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.quantity("2 Gi").kind);
    }

    @Test
    void fieldChecksAnswerWithTheEnginesReasons() {
        assertEquals(FormValidation.Kind.OK, FieldChecks.criteria("p95 < 800ms; error% < 1 => unstable").kind);
        FormValidation bad = FieldChecks.criteria("p95 < 800ms\np95 << 1s");
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.getMessage().contains("criterion 2"), bad.getMessage());
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.baseline("last-week").kind);
        assertEquals(FormValidation.Kind.OK, FieldChecks.baseline("tag:v2.*").kind);
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.intInRange("70", 1, 64, "n").kind);
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.hostList("ok:1, b@d", true).kind);
        assertEquals(FormValidation.Kind.ERROR, FieldChecks.poolName("has space").kind);
        assertEquals(FormValidation.Kind.ERROR, PerfgateConfiguration.httpUrl("ftp://x").kind);
        assertEquals(FormValidation.Kind.OK, PerfgateConfiguration.httpUrl("http://127.0.0.1:9091").kind);
    }
}
