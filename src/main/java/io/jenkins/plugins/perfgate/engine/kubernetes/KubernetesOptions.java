package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.jenkins.plugins.perfgate.engine.runner.plan.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code generators.options} of a {@code kubernetes} run plan, checked: every error names the option
 * ({@code generators.options.cpu: ...}). Values are strings, as in every plan's options; maps and lists are written
 * {@code key=value,key=value}.
 *
 * @param namespace      where the pods go; empty: the kubeconfig's namespace, else {@code default}
 * @param image          the generators' image; it needs {@code java} 21+ on the PATH
 * @param kubeconfig     a kubeconfig file; empty: {@code KUBECONFIG}, {@code ~/.kube/config} or the in-cluster
 *                       service account, as fabric8 finds them
 * @param context        the kubeconfig context; empty: its current one
 * @param requests       resource requests ({@code cpu}, {@code memory})
 * @param limits         resource limits ({@code cpu}, {@code memory})
 * @param nodeSelector   the pods' node selector
 * @param tolerations    the pods' tolerations
 * @param serviceAccount the pods' service account; empty: the namespace's default
 * @param labels         extra labels on every object perfgate creates
 * @param annotations    extra annotations on the pods
 * @param pendingTimeout how long a pod may stay pending (scheduling, image pull, JMeter download) before the run
 *                       fails naming it
 * @param jmeterHome     a JMeter home inside the image; empty: an init container assembles perfgate's checksummed
 *                       JMeter from {@code mavenRepository}
 * @param mavenRepository where the init container downloads JMeter's jars
 */
public record KubernetesOptions(Optional<String> namespace, String image, Optional<Path> kubeconfig,
        Optional<String> context, Map<String, Quantity> requests, Map<String, Quantity> limits,
        Map<String, String> nodeSelector, List<Toleration> tolerations, Optional<String> serviceAccount,
        Map<String, String> labels, Map<String, String> annotations, Duration pendingTimeout,
        Optional<String> jmeterHome, String mavenRepository) {

    /** An official Eclipse Temurin JRE 21 image (Debian/Ubuntu based, so {@code java} is on the PATH). */
    public static final String DEFAULT_IMAGE = "eclipse-temurin:21-jre";
    public static final String DEFAULT_MAVEN_REPOSITORY = "https://repo.maven.apache.org/maven2";
    public static final Duration DEFAULT_PENDING_TIMEOUT = Duration.ofMinutes(5);

    /** Options this provider reads; {@code jvmArgs} is every JMeter provider's. */
    static final Set<String> KNOWN = new TreeSet<>(Set.of("namespace", "image", "kubeconfig", "context", "cpu",
            "cpuLimit", "memory", "memoryLimit", "nodeSelector", "tolerations", "serviceAccount", "labels",
            "annotations", "pendingTimeout", "jmeterHome", "mavenRepository", "jvmArgs"));

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}"
            + "[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    public KubernetesOptions {
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /**
     * Reads the options of a plan.
     *
     * @throws IllegalArgumentException naming the option, for an unknown option or a bad value
     */
    public static KubernetesOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(field(name) + ": unknown option of kubernetes generators (known: "
                        + String.join(", ", KNOWN) + ")");
            }
        }
        Optional<String> namespace = text(options, "namespace");
        namespace.ifPresent(n -> check(DNS_LABEL.matcher(n).matches(), "namespace", "'" + n
                + "' is not a namespace name (lower-case letters, digits and '-', at most 63)"));
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        quantity(options, "cpu").ifPresent(q -> requests.put("cpu", q));
        quantity(options, "memory").ifPresent(q -> requests.put("memory", q));
        quantity(options, "cpuLimit").ifPresent(q -> limits.put("cpu", q));
        quantity(options, "memoryLimit").ifPresent(q -> limits.put("memory", q));
        Optional<String> serviceAccount = text(options, "serviceAccount");
        serviceAccount.ifPresent(s -> check(s.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?"), "serviceAccount",
                "'" + s + "' is not a service account name"));
        Duration pending = text(options, "pendingTimeout").map(t -> {
            try {
                return Durations.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field("pendingTimeout") + ": " + e.getMessage(), e);
            }
        }).orElse(DEFAULT_PENDING_TIMEOUT);
        check(!pending.isZero(), "pendingTimeout", "must be more than 0");
        Optional<String> jmeterHome = text(options, "jmeterHome");
        jmeterHome.ifPresent(h -> check(h.startsWith("/"), "jmeterHome", "'" + h
                + "' must be an absolute path inside the image"));
        String repo = text(options, "mavenRepository").orElse(DEFAULT_MAVEN_REPOSITORY);
        check(repo.startsWith("https://") || repo.startsWith("http://"), "mavenRepository", "'" + repo
                + "' is not an http(s) URL");
        return new KubernetesOptions(namespace, text(options, "image").orElse(DEFAULT_IMAGE),
                text(options, "kubeconfig").map(Path::of), text(options, "context"), requests, limits,
                labelMap(options, "nodeSelector"), tolerations(options), serviceAccount, labelMap(options, "labels"),
                annotationMap(options), pending, jmeterHome, repo.replaceAll("/+$", ""));
    }

    private static Optional<String> text(Map<String, String> options, String name) {
        String v = options.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<Quantity> quantity(Map<String, String> options, String name) {
        return text(options, name).map(v -> {
            try {
                Quantity q = new Quantity(v);
                Quantity.getAmountInBytes(q); // checks the syntax
                return q;
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException(field(name) + ": '" + v
                        + "' is not a Kubernetes quantity like 500m, 2, 512Mi, 2Gi", e);
            }
        });
    }

    /** {@code key=value,key=value}; keys and values checked as Kubernetes label keys and values. */
    private static Map<String, String> labelMap(Map<String, String> options, String name) {
        Map<String, String> map = pairs(options, name);
        map.forEach((k, v) -> {
            check(LABEL_KEY.matcher(k).matches(), name, "'" + k + "' is not a label key");
            check(LABEL_VALUE.matcher(v).matches(), name, "'" + v + "' (of " + k + ") is not a label value");
            check(!k.startsWith("perfgate.io/") && !k.startsWith("app.kubernetes.io/"), name, "'" + k
                    + "' is perfgate's own label");
        });
        return map;
    }

    private static Map<String, String> annotationMap(Map<String, String> options) {
        Map<String, String> map = pairs(options, "annotations");
        map.keySet().forEach(k -> check(LABEL_KEY.matcher(k).matches(), "annotations", "'" + k
                + "' is not an annotation key"));
        return map;
    }

    private static Map<String, String> pairs(Map<String, String> options, String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : text(options, name).orElse("").split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            check(eq > 0, name, "'" + item.strip() + "' is not key=value (write key=value,key=value)");
            map.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        }
        return map;
    }

    /** {@code key[=value][:Effect],...}: Equal with a value, Exists without; every effect when none is given. */
    private static List<Toleration> tolerations(Map<String, String> options) {
        List<Toleration> out = new ArrayList<>();
        for (String item : text(options, "tolerations").orElse("").split(",")) {
            String t = item.strip();
            if (t.isEmpty()) {
                continue;
            }
            String effect = null;
            int colon = t.lastIndexOf(':');
            if (colon >= 0) {
                effect = t.substring(colon + 1);
                t = t.substring(0, colon);
                String e = effect;
                check(EFFECTS.contains(e), "tolerations", "'" + e + "' is not NoSchedule, PreferNoSchedule or "
                        + "NoExecute");
            }
            int eq = t.indexOf('=');
            String key = eq < 0 ? t : t.substring(0, eq);
            String k = key;
            check(LABEL_KEY.matcher(k).matches(), "tolerations", "'" + k + "' is not a taint key");
            TolerationBuilder b = new TolerationBuilder().withKey(key).withEffect(effect);
            if (eq < 0) {
                b.withOperator("Exists");
            } else {
                b.withOperator("Equal").withValue(t.substring(eq + 1));
            }
            out.add(b.build());
        }
        return out;
    }

    private static void check(boolean ok, String name, String message) {
        if (!ok) {
            throw new IllegalArgumentException(field(name) + ": " + message);
        }
    }

    private static String field(String name) {
        return "generators.options." + name;
    }
}
