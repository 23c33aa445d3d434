package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime dependency closure of some Maven coordinates, Maven's way in the parts that matter for jars on a class
 * path: compile and runtime scope, optional dependencies left out, exclusions honoured, nearest version wins,
 * versions from parents' {@code dependencyManagement} and imported BOMs. Bounded in depth and count so a runaway graph
 * fails clearly instead of downloading the internet. Artifacts in {@code provided} (what the JMeter home already has,
 * by artifactId) are neither taken nor followed.
 */
final class PomResolver {

    static final int MAX_DEPTH = 8;
    static final int MAX_ARTIFACTS = 150;
    private static final int MAX_PARENTS = 10;

    private final PublishedArtifacts repository;
    private final Set<String> provided;
    private final Map<MavenCoordinate, Effective> cache = new HashMap<>();

    /** A POM with its parents merged. */
    private record Effective(Map<String, String> managed, List<PomModel.Dependency> dependencies,
            Map<String, String> properties) {
    }

    private record Pending(MavenCoordinate coordinate, int depth, Set<String> exclusions, String via) {
    }

    PomResolver(PublishedArtifacts repository, Set<String> provided) {
        this.repository = repository;
        this.provided = Set.copyOf(provided);
    }

    /** The roots and their runtime dependencies, roots first, each artifact once; {@code via} says who pulled what. */
    Map<MavenCoordinate, String> closure(List<MavenCoordinate> roots) throws IOException {
        Map<MavenCoordinate, String> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<Pending> queue = new ArrayDeque<>();
        for (MavenCoordinate root : roots) {
            queue.add(new Pending(root, 0, Set.of(), "named"));
        }
        while (!queue.isEmpty()) {
            Pending p = queue.removeFirst();
            String key = p.coordinate.groupId() + ":" + p.coordinate.artifactId();
            if (!seen.add(key) || provided.contains(p.coordinate.artifactId())) {
                continue;
            }
            if (out.size() >= MAX_ARTIFACTS) {
                throw new ProvisioningException("more than " + MAX_ARTIFACTS + " dependencies below " + roots
                        + ": name fewer plugins or use a JMETER_HOME with them installed");
            }
            out.put(p.coordinate, p.via);
            if (p.depth >= MAX_DEPTH) {
                continue;
            }
            Effective pom = effective(p.coordinate, 0);
            for (PomModel.Dependency d : pom.dependencies()) {
                String scope = d.scope().isEmpty() ? "compile" : d.scope();
                String ga = d.groupId() + ":" + d.artifactId();
                if (d.optional() || !(scope.equals("compile") || scope.equals("runtime"))
                        || !(d.type().isEmpty() || d.type().equals("jar")) || !d.classifier().isEmpty()
                        || p.exclusions.contains(ga) || p.exclusions.contains(d.groupId() + ":*")) {
                    continue;
                }
                String version = d.version().isEmpty() ? pom.managed().getOrDefault(ga, "") : d.version();
                version = PomModel.interpolate(version, pom.properties());
                if (version.isEmpty() || version.contains("${") || version.startsWith("[")
                        || version.startsWith("(")) {
                    throw new ProvisioningException(p.coordinate + " depends on " + ga + " with version '"
                            + version + "' that perfgate cannot fix: name " + ga + ":VERSION in libraries");
                }
                Set<String> exclusions = new HashSet<>(p.exclusions);
                exclusions.addAll(d.exclusions());
                queue.addLast(new Pending(new MavenCoordinate(d.groupId(), d.artifactId(), version), p.depth + 1,
                        Set.copyOf(exclusions), p.coordinate.toString()));
            }
        }
        return out;
    }

    private Effective effective(MavenCoordinate c, int level) throws IOException {
        Effective known = cache.get(c);
        if (known != null) {
            return known;
        }
        if (level > MAX_PARENTS) {
            throw new ProvisioningException("more than " + MAX_PARENTS + " parent POMs above " + c);
        }
        String path = c.repositoryPath("pom");
        PomModel pom = PomModel.parse(repository.read(path), path);
        Map<String, String> props = new HashMap<>();
        Map<String, String> managed = new HashMap<>();
        if (pom.parent().isPresent()) {
            Effective parent = effective(pom.parent().get(), level + 1);
            props.putAll(parent.properties());
            managed.putAll(parent.managed());
        }
        props.putAll(pom.properties());
        props.put("project.groupId", pom.groupId());
        props.put("project.artifactId", pom.artifactId());
        props.put("project.version", pom.version());
        props.put("pom.version", pom.version());
        props.put("version", pom.version());
        pom.parent().ifPresent(p -> props.put("project.parent.version", p.version()));
        for (PomModel.Dependency d : pom.managed()) {
            String version = PomModel.interpolate(d.version(), props);
            if (d.scope().equals("import") && d.type().equals("pom")) {
                MavenCoordinate bom = new MavenCoordinate(PomModel.interpolate(d.groupId(), props), d.artifactId(),
                        version);
                effective(bom, level + 1).managed().forEach(managed::putIfAbsent);
            } else {
                managed.put(PomModel.interpolate(d.groupId(), props) + ":" + d.artifactId(), version);
            }
        }
        List<PomModel.Dependency> deps = new ArrayList<>();
        for (PomModel.Dependency d : pom.dependencies()) {
            deps.add(new PomModel.Dependency(PomModel.interpolate(d.groupId(), props), d.artifactId(), d.version(),
                    d.scope(), d.type(), d.classifier(), d.optional(), d.exclusions()));
        }
        Effective e = new Effective(Map.copyOf(managed), List.copyOf(deps), Map.copyOf(props));
        cache.put(c, e);
        return e;
    }
}
