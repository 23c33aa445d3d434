package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks, before any load starts, that every class a test plan names is in the JMeter home: the element names and
 * {@code testclass}/{@code elementType}/{@code class} attributes of the JMX (JMeter's short aliases resolved through
 * the home's {@code bin/saveservice.properties}, renamed classes through {@code bin/upgrade.properties}), and the
 * driver classes named in JDBC connection and JMS settings. JMeter itself would fail while loading with a stack
 * trace, or (a JDBC driver) only when the first sample runs; this names each missing class, the element's name and
 * its path in the plan, and the plugin, library or module known to provide it. Classes are looked up in the jars
 * of {@code lib/}, {@code lib/ext/} and {@code lib/junit/} and the JDK.
 */
public final class PlanClassCheck {

    /** Properties whose value is a class loaded at run time (JDBC driver, JMS JNDI context factory). */
    private static final Set<String> CLASS_PROPERTIES = Set.of("driver", "jms.initial_context_factory");

    /** Tags of properties and structure, not of test elements. */
    private static final Set<String> STRUCTURE = Set.of("jmeterTestPlan", "hashTree", "stringProp", "boolProp",
            "intProp", "longProp", "floatProp", "doubleProp", "collectionProp", "elementProp", "objProp", "mapProp",
            "name", "value", "testResults", "sample", "httpSample");

    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, String> upgrades = new HashMap<>();
    private final Set<String> classes = new HashSet<>();

    /** One class a plan needs that the home does not have. */
    public record Missing(String className, String element, String path, String provider) {
        @Override
        public String toString() {
            return "'" + element + "' (" + path + ") needs " + className + ", which is not in this JMeter; it is in "
                    + provider;
        }
    }

    private PlanClassCheck() {
    }

    /** A check against the classes of {@code home} and of the jars in {@code extraJars} (plugins, libraries). */
    public static PlanClassCheck of(Path home, List<Path> extraJars) throws IOException {
        PlanClassCheck c = new PlanClassCheck();
        c.load(home.resolve("bin/saveservice.properties"), c.aliases, true);
        c.load(home.resolve("bin/upgrade.properties"), c.upgrades, false);
        List<Path> jars = new ArrayList<>(extraJars);
        for (String dir : List.of("lib", "lib/ext", "lib/junit")) {
            Path d = home.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(f -> String.valueOf(f.getFileName()).endsWith(".jar")).sorted().forEach(jars::add);
                }
            }
        }
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> c.classes.add(n.substring(0, n.length() - 6).replace('/', '.')));
            } catch (IOException e) {
                throw new IOException(jar + ": not a readable jar (" + e.getMessage() + ")", e);
            }
        }
        return c;
    }

    private void load(Path file, Map<String, String> into, boolean skipInternal) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        for (String key : p.stringPropertyNames()) {
            if (!(skipInternal && key.startsWith("_"))) {
                for (String alias : key.split(",")) { // HTTPSamplerProxy,HTTPSampler,HTTPSampler2=...
                    into.put(alias.strip(), p.getProperty(key).strip());
                }
            }
        }
    }

    /**
     * The classes the plan needs that are missing, in plan order (each class once); empty when all are there. In a
     * JMX an element's children are in the {@code hashTree} that follows it, so the path is kept by hashTree depth.
     */
    public List<Missing> missing(Path jmx) throws IOException {
        Map<String, Missing> out = new LinkedHashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<String> path = new ArrayDeque<>(); // names of the elements whose hashTrees enclose this point
        Deque<String> open = new ArrayDeque<>(); // names of the XML elements open now, "" for unnamed ones
        String lastElement = "";
        try (InputStream in = Files.newInputStream(jmx)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            String property = null;
            StringBuilder value = new StringBuilder();
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String tag = x.getLocalName();
                    if (tag.equals("hashTree")) {
                        path.addLast(lastElement);
                    }
                    String testname = x.getAttributeValue(null, "testname");
                    if (testname != null && !STRUCTURE.contains(tag)) {
                        lastElement = testname;
                    }
                    open.push(testname != null ? testname : open.isEmpty() ? "" : open.peek());
                    if (!STRUCTURE.contains(tag)) {
                        need(tag, path, open.peek(), out);
                    }
                    for (String attribute : List.of("testclass", "elementType", "class")) {
                        String v = x.getAttributeValue(null, attribute);
                        if (v != null && !v.isBlank()) {
                            need(v, path, open.peek(), out);
                        }
                    }
                    property = tag.equals("stringProp") ? x.getAttributeValue(null, "name") : null;
                    value.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS && property != null) {
                    value.append(x.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (property != null && CLASS_PROPERTIES.contains(property)) {
                        String cls = value.toString().strip();
                        if (!cls.isEmpty() && !cls.contains("${") && !has(cls)) {
                            // a property's entry carries its element's name
                            out.putIfAbsent(cls, missing(cls, path, open.peek()));
                        }
                    }
                    if (x.getLocalName().equals("hashTree")) {
                        path.removeLast();
                    }
                    property = null;
                    open.pop();
                }
            }
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException(jmx + ": not a readable JMeter test plan (" + e.getMessage() + ")", e);
        }
        return List.copyOf(out.values());
    }

    private void need(String alias, Deque<String> path, String element, Map<String, Missing> out) {
        String cls = aliases.getOrDefault(alias, alias);
        if (!has(cls) && !has(upgrades.getOrDefault(cls, cls)) && !out.containsKey(cls)) {
            out.put(cls, missing(cls, path, element));
        }
    }

    private static Missing missing(String cls, Deque<String> path, String element) {
        List<String> names = new ArrayList<>();
        path.forEach(n -> {
            if (!n.isEmpty()) {
                names.add(n);
            }
        });
        if (!element.isEmpty()) {
            names.add(element);
        }
        return new Missing(cls, element, String.join(" > ", names), KnownProviders.of(cls));
    }

    private boolean has(String cls) {
        if (classes.contains(cls)) {
            return true;
        }
        if (cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.")) {
            return ClassLoader.getPlatformClassLoader().getResource(cls.replace('.', '/') + ".class") != null;
        }
        return false;
    }

    /** The message of a plan with missing classes: one line per class. */
    public static String message(Path jmx, List<Missing> missing) {
        StringBuilder sb = new StringBuilder(jmx + ": the test plan needs " + missing.size() + " class"
                + (missing.size() == 1 ? "" : "es") + " this JMeter does not have; nothing was run:");
        missing.forEach(m -> sb.append("\n  ").append(m));
        return sb.toString();
    }
}
