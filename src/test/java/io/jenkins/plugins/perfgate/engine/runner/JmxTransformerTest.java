package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JmxTransformerTest {

    @TempDir
    Path dir;

    @Test
    void addsABackendListenerAtTestPlanLevelToACopy() throws Exception {
        Path template = dir.resolve("load.jmx");
        try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/load.jmx")) {
            Files.copy(in, template);
        }
        String original = Files.readString(template);
        Path out = dir.resolve("copy.jmx");
        JmxTransformer.addInfluxBackendListener(template, out, "http://127.0.0.1:8086/write?db=x", "shop",
                "jmeter", Map.of("build", "7"));
        assertEquals(original, Files.readString(template), "the template is untouched");
        Document doc = JmxTransformer.parse(out);
        Element listener = (Element) doc.getElementsByTagName("BackendListener").item(0);
        Element planTree = (Element) listener.getParentNode();
        Element testPlan = (Element) doc.getElementsByTagName("TestPlan").item(0);
        assertEquals(planTree, nextElement(testPlan), "a child of the test plan");
        String xml = Files.readString(out);
        assertTrue(xml.contains(JmxTransformer.INFLUX_CLIENT));
        assertTrue(xml.contains("<stringProp name=\"Argument.value\">http://127.0.0.1:8086/write?db=x</stringProp>"));
        assertTrue(xml.contains("<stringProp name=\"Argument.name\">TAG_build</stringProp>"));
    }

    @Test
    void refusesDoctypesAndNonPlans() throws Exception {
        Path evil = dir.resolve("evil.jmx");
        Files.writeString(evil, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<jmeterTestPlan><hashTree>&e;</hashTree></jmeterTestPlan>");
        IOException e = assertThrows(IOException.class, () -> JmxTransformer.addInfluxBackendListener(evil,
                dir.resolve("o.jmx"), "http://x", "a", "m", Map.of()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        Path other = dir.resolve("other.jmx");
        Files.writeString(other, "<project/>");
        e = assertThrows(IOException.class, () -> JmxTransformer.addInfluxBackendListener(other,
                dir.resolve("o.jmx"), "http://x", "a", "m", Map.of()));
        assertEquals(other + ": not a JMeter test plan (root element project)", e.getMessage());
    }

    private static Element nextElement(Element e) {
        for (org.w3c.dom.Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                return el;
            }
        }
        return null;
    }
}
