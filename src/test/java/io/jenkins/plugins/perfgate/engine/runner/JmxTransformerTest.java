package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JmxTransformerTest {

    @TempDir
    Path dir;

    /** The bundled load template, copied into the test's folder. */
    private Path loadTemplate() throws IOException {
        Path template = dir.resolve("load.jmx");
        try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/load.jmx")) {
            Files.copy(in, template);
        }
        return template;
    }

    @Test
    void addsABackendListenerAtTestPlanLevelToACopy() throws Exception {
        Path template = loadTemplate();
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

    @Test
    void addsTheDataFileSetupGroupFirstInTheTestPlanOfACopy() throws Exception {
        Path template = loadTemplate();
        String original = Files.readString(template);
        Path csv = dir.resolve("a&b <c> \"d\".csv");
        Files.writeString(csv, "id\n1\n2\n3\n");
        EmbeddedDataFiles data = EmbeddedDataFiles.of(List.of(new DataFile(csv, "itemsFile", true, true)),
                List.of("127.0.0.6:1099", "127.0.0.7:1099"));
        Path out = dir.resolve("copy.jmx");
        JmxTransformer.addDataFileSetup(template, out, data);
        assertEquals(original, Files.readString(template), "the template is untouched");

        Document doc = JmxTransformer.parse(out);
        Element testPlan = (Element) doc.getElementsByTagName("TestPlan").item(0);
        Element planTree = nextElement(testPlan);
        List<Element> top = children(planTree);
        Element group = top.get(0);
        assertEquals("SetupThreadGroup", group.getTagName());
        assertEquals(EmbeddedDataFiles.FAILURE_LABEL, group.getAttribute("testname"));
        assertEquals(EmbeddedDataFiles.REPORTER_THREADS, prop(group, "ThreadGroup.num_threads"));
        assertEquals("stoptestnow", prop(group, "ThreadGroup.on_sample_error"));
        assertEquals("1", prop(group, "LoopController.loops"));
        List<Element> before = children(nextElement((Element) JmxTransformer.parse(template)
                .getElementsByTagName("TestPlan").item(0)));
        assertEquals(before.stream().map(Element::getTagName).toList(), top.subList(2, top.size()).stream()
                .map(Element::getTagName).toList(), "the template's elements follow, unchanged in order");

        List<Element> inGroup = children(top.get(1));
        assertEquals(List.of("Arguments", "hashTree", "Arguments", "hashTree", "JSR223Sampler", "hashTree"),
                inGroup.stream().map(Element::getTagName).toList());
        assertEquals(data.variables(), arguments(inGroup.get(0)), "every value round-trips through the XML");
        assertEquals(Map.of("perfgate.data.prepared", EmbeddedDataFiles.SETUP_EXPRESSION), arguments(inGroup.get(2)));
        Element reporter = inGroup.get(4);
        assertEquals(EmbeddedDataFiles.FAILURE_LABEL, reporter.getAttribute("testname"));
        assertEquals("groovy", prop(reporter, "scriptLanguage"));
        assertEquals(EmbeddedDataFiles.reportScript(), prop(reporter, "script"));
        String xml = Files.readString(out);
        assertTrue(xml.contains("i &lt; count"), "the script's < is escaped in the file");
        assertTrue(xml.contains("<stringProp name=\"Argument.value\">itemsFile</stringProp>"));

        Path evil = dir.resolve("evil.jmx");
        Files.writeString(evil, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<jmeterTestPlan><hashTree>&e;</hashTree></jmeterTestPlan>");
        IOException e = assertThrows(IOException.class, () -> JmxTransformer.addDataFileSetup(evil,
                dir.resolve("o.jmx"), data));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("o.jmx")));
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                list.add(el);
            }
        }
        return list;
    }

    /** The text of the first *Prop named {@code name} under {@code element}. */
    private static String prop(Element element, String name) {
        org.w3c.dom.NodeList all = element.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getTagName().endsWith("Prop") && name.equals(e.getAttribute("name"))) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no property " + name);
    }

    private static Map<String, String> arguments(Element arguments) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Element argument : children(children(arguments).get(0))) {
            map.put(prop(argument, "Argument.name"), prop(argument, "Argument.value"));
        }
        return map;
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
