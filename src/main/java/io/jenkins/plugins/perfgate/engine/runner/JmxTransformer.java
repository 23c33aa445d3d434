package io.jenkins.plugins.perfgate.engine.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Small, safe additions to a JMeter test plan that the user's template does not need to contain: a Backend Listener
 * streaming live metrics to InfluxDB, and the data files of existing jmeter-servers. The template file is never
 * modified; a copy is written. DTDs and external entities are refused.
 */
public final class JmxTransformer {

    /** JMeter's own InfluxDB client for the Backend Listener. */
    public static final String INFLUX_CLIENT =
            "org.apache.jmeter.visualizers.backend.influxdb.InfluxdbBackendListenerClient";

    private JmxTransformer() {
    }

    /**
     * Copies {@code template} to {@code out} with a Backend Listener at test-plan level sending to {@code writeUrl}
     * (e.g. {@code http://127.0.0.1:8086/write?db=perfgate}); {@code tags} become extra InfluxDB tags.
     */
    public static void addInfluxBackendListener(Path template, Path out, String writeUrl, String application,
            String measurement, Map<String, String> tags) throws IOException {
        addInfluxBackendListener(template, out, writeUrl, "", application, measurement, tags);
    }

    /**
     * As above, with {@code token} sent by the listener as {@code Authorization: Token ...} (InfluxDB 2's scheme; the
     * per-run secret perfgate's relay requires); empty: none.
     */
    public static void addInfluxBackendListener(Path template, Path out, String writeUrl, String token,
            String application, String measurement, Map<String, String> tags) throws IOException {
        Document doc = parse(template);
        Element testPlanTree = testPlanHashTree(doc, template);
        Element listener = testElement(doc, "BackendListener", "BackendListenerGui", "BackendListener",
                "perfgate InfluxDB live metrics");
        Element arguments = doc.createElement("elementProp");
        arguments.setAttribute("name", "arguments");
        arguments.setAttribute("elementType", "Arguments");
        arguments.setAttribute("guiclass", "ArgumentsPanel");
        arguments.setAttribute("testclass", "Arguments");
        Map<String, String> args = new LinkedHashMap<>();
        args.put("influxdbMetricsSender", "org.apache.jmeter.visualizers.backend.influxdb.HttpMetricsSender");
        args.put("influxdbUrl", writeUrl);
        if (!token.isEmpty()) {
            args.put("influxdbToken", token);
        }
        args.put("application", application);
        args.put("measurement", measurement);
        args.put("summaryOnly", "false");
        args.put("samplersRegex", ".*");
        args.put("percentiles", "90;95;99");
        args.put("testTitle", application);
        args.put("eventTags", "");
        tags.forEach((k, v) -> args.put("TAG_" + k, v));
        arguments.appendChild(argumentList(doc, args));
        listener.appendChild(arguments);
        listener.appendChild(stringProp(doc, "classname", INFLUX_CLIENT));
        testPlanTree.appendChild(listener);
        testPlanTree.appendChild(doc.createElement("hashTree"));
        write(doc, out);
    }

    /**
     * Copies {@code template} to {@code out} with a setUp Thread Group, first in the plan, that brings
     * {@code data} onto each jmeter-server running the copy. It holds two User Defined Variables elements — the
     * encoded shares with the setup script, then the expression that runs it — which JMeter evaluates once at test
     * start, before any thread group starts, wherever they are in the plan; inside this group they are not merged
     * into the template's samplers. The group itself runs {@link EmbeddedDataFiles#REPORTER_THREADS} threads: none,
     * unless the script failed on that server; then one thread fails a sample labelled
     * {@link EmbeddedDataFiles#FAILURE_LABEL} with the reason, and the failure stops that server's test.
     */
    public static void addDataFileSetup(Path template, Path out, EmbeddedDataFiles data) throws IOException {
        Document doc = parse(template);
        Element testPlanTree = testPlanHashTree(doc, template);
        Element group = testElement(doc, "SetupThreadGroup", "SetupThreadGroupGui", "SetupThreadGroup", EmbeddedDataFiles.FAILURE_LABEL);
        group.appendChild(stringProp(doc, "ThreadGroup.on_sample_error", "stoptestnow"));
        Element loop = doc.createElement("elementProp");
        loop.setAttribute("name", "ThreadGroup.main_controller");
        loop.setAttribute("elementType", "LoopController");
        loop.setAttribute("guiclass", "LoopControlPanel");
        loop.setAttribute("testclass", "LoopController");
        loop.setAttribute("testname", "Loop Controller");
        loop.appendChild(boolProp(doc, "LoopController.continue_forever", false));
        loop.appendChild(stringProp(doc, "LoopController.loops", "1"));
        group.appendChild(loop);
        group.appendChild(stringProp(doc, "ThreadGroup.num_threads", EmbeddedDataFiles.REPORTER_THREADS));
        group.appendChild(stringProp(doc, "ThreadGroup.ramp_time", "0"));
        group.appendChild(boolProp(doc, "ThreadGroup.scheduler", false));
        group.appendChild(stringProp(doc, "ThreadGroup.duration", ""));
        group.appendChild(stringProp(doc, "ThreadGroup.delay", ""));
        group.appendChild(boolProp(doc, "ThreadGroup.same_user_on_next_iteration", true));

        Element groupTree = doc.createElement("hashTree");
        groupTree.appendChild(userDefinedVariables(doc, "perfgate data files: shares and setup script",
                data.variables()));
        groupTree.appendChild(doc.createElement("hashTree"));
        groupTree.appendChild(userDefinedVariables(doc, "perfgate data files: run the setup script",
                Map.of("perfgate.data.prepared", EmbeddedDataFiles.SETUP_EXPRESSION)));
        groupTree.appendChild(doc.createElement("hashTree"));
        Element reporter = testElement(doc, "JSR223Sampler", "TestBeanGUI", "JSR223Sampler", EmbeddedDataFiles.FAILURE_LABEL);
        reporter.appendChild(stringProp(doc, "scriptLanguage", "groovy"));
        reporter.appendChild(stringProp(doc, "parameters", ""));
        reporter.appendChild(stringProp(doc, "filename", ""));
        reporter.appendChild(stringProp(doc, "cacheKey", "true"));
        reporter.appendChild(stringProp(doc, "script", EmbeddedDataFiles.reportScript()));
        groupTree.appendChild(reporter);
        groupTree.appendChild(doc.createElement("hashTree"));

        Node first = testPlanTree.getFirstChild();
        testPlanTree.insertBefore(group, first);
        testPlanTree.insertBefore(groupTree, first);
        write(doc, out);
    }

    private static Element userDefinedVariables(Document doc, String name, Map<String, String> variables) {
        Element arguments = testElement(doc, "Arguments", "ArgumentsPanel", "Arguments", name);
        arguments.appendChild(argumentList(doc, variables));
        return arguments;
    }

    /** The name/value pairs of an Arguments element (a Backend Listener's parameters, User Defined Variables). */
    private static Element argumentList(Document doc, Map<String, String> values) {
        Element collection = doc.createElement("collectionProp");
        collection.setAttribute("name", "Arguments.arguments");
        values.forEach((k, v) -> collection.appendChild(argument(doc, k, v)));
        return collection;
    }

    private static Element boolProp(Document doc, String name, boolean value) {
        Element e = doc.createElement("boolProp");
        e.setAttribute("name", name);
        e.setTextContent(Boolean.toString(value));
        return e;
    }

    private static Element argument(Document doc, String name, String value) {
        Element e = doc.createElement("elementProp");
        e.setAttribute("name", name);
        e.setAttribute("elementType", "Argument");
        e.appendChild(stringProp(doc, "Argument.name", name));
        e.appendChild(stringProp(doc, "Argument.value", value));
        e.appendChild(stringProp(doc, "Argument.metadata", "="));
        return e;
    }

    /** An enabled JMeter test element: its tag, GUI and test classes and its name. */
    private static Element testElement(Document doc, String tag, String guiClass, String testClass, String name) {
        Element e = doc.createElement(tag);
        e.setAttribute("guiclass", guiClass);
        e.setAttribute("testclass", testClass);
        e.setAttribute("testname", name);
        e.setAttribute("enabled", "true");
        return e;
    }

    private static Element stringProp(Document doc, String name, String value) {
        Element e = doc.createElement("stringProp");
        e.setAttribute("name", name);
        e.setTextContent(value);
        return e;
    }

    /** The hashTree that holds the TestPlan's children: jmeterTestPlan/hashTree/(TestPlan, hashTree). */
    private static Element testPlanHashTree(Document doc, Path source) throws IOException {
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("jmeterTestPlan")) {
            throw new IOException(source + ": not a JMeter test plan (root element " + root.getTagName() + ")");
        }
        Element top = firstChild(root, "hashTree");
        Element testPlan = top == null ? null : firstChild(top, "TestPlan");
        if (testPlan == null) {
            throw new IOException(source + ": no TestPlan element under jmeterTestPlan/hashTree");
        }
        for (Node n = testPlan.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getTagName().equals("hashTree")) {
                    return e;
                }
                break;
            }
        }
        throw new IOException(source + ": the TestPlan element has no hashTree after it");
    }

    private static Element firstChild(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            try (InputStream in = Files.newInputStream(file)) {
                return b.parse(in);
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": not a readable JMeter test plan: " + e.getMessage(), e);
        }
    }

    private static void write(Document doc, Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(os));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
