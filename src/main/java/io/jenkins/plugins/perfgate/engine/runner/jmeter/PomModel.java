package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The part of a Maven POM that decides a jar's runtime dependencies: its coordinates, parent, properties, managed
 * versions and dependencies, as written (before inheritance; {@link PomResolver} merges the parents).
 */
record PomModel(String groupId, String artifactId, String version, Optional<MavenCoordinate> parent,
        Map<String, String> properties, List<Dependency> managed, List<Dependency> dependencies) {

    /** One {@code <dependency>} as written. */
    record Dependency(String groupId, String artifactId, String version, String scope, String type,
            String classifier, boolean optional, Set<String> exclusions) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    static PomModel parse(byte[] xml, String where) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new ProvisioningException(where + " is not a readable POM: " + e.getMessage(), e);
        }
        Optional<MavenCoordinate> parent = child(root, "parent").map(p -> new MavenCoordinate(
                text(p, "groupId"), text(p, "artifactId"), text(p, "version")));
        Map<String, String> props = new LinkedHashMap<>();
        child(root, "properties").ifPresent(p -> {
            for (Element e : children(p)) {
                props.put(e.getTagName(), e.getTextContent().strip());
            }
        });
        List<Dependency> managed = child(root, "dependencyManagement").flatMap(m -> child(m, "dependencies"))
                .map(PomModel::dependencies).orElse(List.of());
        List<Dependency> deps = child(root, "dependencies").map(PomModel::dependencies).orElse(List.of());
        String group = text(root, "groupId");
        String version = text(root, "version");
        return new PomModel(group.isEmpty() ? parent.map(MavenCoordinate::groupId).orElse("") : group,
                text(root, "artifactId"), version.isEmpty() ? parent.map(MavenCoordinate::version).orElse("")
                        : version, parent, props, managed, deps);
    }

    /** {@code ${name}} replaced from {@code values}, repeatedly (properties naming properties), bounded. */
    static String interpolate(String text, Map<String, String> values) {
        String out = text;
        for (int round = 0; round < 8 && out.contains("${"); round++) {
            Matcher m = PLACEHOLDER.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
            }
            m.appendTail(sb);
            if (sb.toString().equals(out)) {
                break;
            }
            out = sb.toString();
        }
        return out;
    }

    private static List<Dependency> dependencies(Element list) {
        List<Dependency> out = new ArrayList<>();
        for (Element d : children(list)) {
            if (!d.getTagName().equals("dependency")) {
                continue;
            }
            Set<String> exclusions = new java.util.HashSet<>();
            child(d, "exclusions").ifPresent(x -> {
                for (Element e : children(x)) {
                    exclusions.add(text(e, "groupId") + ":" + text(e, "artifactId"));
                }
            });
            out.add(new Dependency(text(d, "groupId"), text(d, "artifactId"), text(d, "version"),
                    text(d, "scope"), text(d, "type"), text(d, "classifier"),
                    text(d, "optional").equals("true"), Set.copyOf(exclusions)));
        }
        return out;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).orElse("");
    }

    /** A mutable copy of the properties, for merging with a parent's. */
    Map<String, String> propertiesCopy() {
        return new HashMap<>(properties);
    }
}
