package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JUnitXmlTest {

    private static Schema schema() throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newSchema(JUnitXmlTest.class.getResource("jenkins-junit.xsd"));
    }

    private static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Verdict verdict() {
        RunSummary run = SyntheticRuns.of(label("home.page\u0001", 100, 300, 0), label("cart & <pay>", 200, 300, 0.1))
                .run(1, 1);
        HistoryEntry e = new HistoryEntry(BuildRef.of(1, 1, BuildResult.SUCCESS), RunFigures.of(run));
        return new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll("p95[label~\"*\"] < 1h\n"
                + "error%[label=\"cart & <pay>\"] < 1 => unstable\nerror%[label~\"home*\"] < 1 => warn\n"
                + "p95 vs baseline < +10%\nrps[label=\"gone\"] > 1"), e, History.empty());
    }

    @Test
    void verdictIsValidJUnitXmlWithOneCasePerCriterionAndLabel() throws Exception {
        Verdict v = verdict();
        String xml = JUnitXml.toXml(v);
        validate(xml);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(v.lines().size(), cases.getLength());
        assertEquals(6, cases.getLength());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"), xml);
        assertEquals("1", suite.getAttribute("skipped"));
        Element cart = (Element) cases.item(0);
        assertEquals("perfgate.cart & <pay>", cart.getAttribute("classname"));
        assertEquals("p95[label~\"*\"] < 1h", cart.getAttribute("name"));
        Element home = (Element) cases.item(1);
        assertEquals("perfgate.home_page\uFFFD", home.getAttribute("classname"), "dots and control characters");
        Element unstable = (Element) cases.item(2);
        Element failure = (Element) unstable.getElementsByTagName("failure").item(0);
        assertEquals("perfgate.unstable", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("violated"));
        Element warn = (Element) cases.item(3);
        assertEquals(0, warn.getElementsByTagName("failure").getLength(), "warnings pass");
        Element noBaseline = (Element) cases.item(4);
        assertEquals(1, noBaseline.getElementsByTagName("skipped").getLength());
        Element absent = (Element) cases.item(5);
        assertEquals("perfgate.fail", ((Element) absent.getElementsByTagName("failure").item(0))
                .getAttribute("type"));
    }

    @Test
    void theSchemaRejectsWhatJenkinsCouldNotRead() throws Exception {
        String good = JUnitXml.toXml(verdict());
        // a case without name: the plugin would dereference null
        String noName = good.replaceFirst("name=\"p95\\[label~&quot;\\*&quot;\\] &lt; 1h\"", "");
        assertTrue(!noName.equals(good));
        assertThrows(SAXException.class, () -> validate(noName));
        assertThrows(SAXException.class, () -> validate(good.replace("time=\"0\"", "time=\"soon\"")));
        assertThrows(SAXException.class, () -> validate("<testsuite name=\"x\" tests=\"1\"><testcase name=\"a\">"
                + "<failure/><skipped/></testcase></testsuite>"));
    }

    @Test
    void writesAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/perfgate.xml");
        JUnitXml.write(verdict(), file);
        validate(Files.readString(file));
    }
}
