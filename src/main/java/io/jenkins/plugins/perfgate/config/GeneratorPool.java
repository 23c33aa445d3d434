package io.jenkins.plugins.perfgate.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorShorthand;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named set of load generators that steps refer to by name ({@code generators: 'ci-pool'}): N local JMeter
 * processes on the agent that runs the step, a list of existing {@code jmeter-server} hosts, or N Jenkins agents
 * matching a label expression (one JMeter each, on its share of the load), or N pods perfgate creates in a
 * Kubernetes namespace for each run (with the pod options a pool needs; the rest comes from the run plan).
 */
public final class GeneratorPool extends AbstractDescribableImpl<GeneratorPool> {

    /** The type of a pool of Kubernetes pods. */
    public static final String KUBERNETES = GeneratorShorthand.Kubernetes.KIND;

    /** Upper bound for local generator processes on one agent: each is a JVM. */
    public static final int MAX_LOCAL = GeneratorShorthand.Local.MAX;

    private final String name;
    private String type = "local";
    private int localCount = 1;
    private String hosts = "";
    private String label = "";
    private int agentCount = 1;
    private String namespace = "";
    private int podCount = 1;
    private String image = "";
    private String cpu = "";
    private String memory = "";
    private String cpuLimit = "";
    private String memoryLimit = "";
    private String kubeconfigCredentialsId = "";

    @DataBoundConstructor
    public GeneratorPool(String name) {
        this.name = Util.fixNull(name).trim();
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    @DataBoundSetter
    public void setType(String type) {
        this.type = "servers".equals(type) || "agents".equals(type) || KUBERNETES.equals(type) ? type : "local";
    }

    public int getLocalCount() {
        return localCount;
    }

    @DataBoundSetter
    public void setLocalCount(int localCount) {
        this.localCount = Math.max(1, Math.min(MAX_LOCAL, localCount));
    }

    public String getHosts() {
        return hosts;
    }

    @DataBoundSetter
    public void setHosts(String hosts) {
        this.hosts = Util.fixNull(hosts).trim();
    }

    /** The label expression of an agents pool ({@code loadgen && linux}). */
    public String getLabel() {
        return Util.fixNull(label); // null in a configuration saved before agents pools existed
    }

    @DataBoundSetter
    public void setLabel(String label) {
        this.label = Util.fixNull(label).trim();
    }

    /** How many agents an agents pool takes. */
    public int getAgentCount() {
        return Math.max(1, agentCount);
    }

    @DataBoundSetter
    public void setAgentCount(int agentCount) {
        this.agentCount = Math.max(1, Math.min(GeneratorShorthand.Agents.MAX, agentCount));
    }

    /** The namespace of a kubernetes pool's pods. */
    public String getNamespace() {
        return Util.fixNull(namespace);
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixNull(namespace).trim();
    }

    /** How many pods a kubernetes pool starts for a run. */
    public int getPodCount() {
        return Math.max(1, podCount);
    }

    @DataBoundSetter
    public void setPodCount(int podCount) {
        this.podCount = Math.max(1, Math.min(GeneratorShorthand.Kubernetes.MAX, podCount));
    }

    public String getImage() {
        return Util.fixNull(image);
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Util.fixNull(image).trim();
    }

    public String getCpu() {
        return Util.fixNull(cpu);
    }

    @DataBoundSetter
    public void setCpu(String cpu) {
        this.cpu = Util.fixNull(cpu).trim();
    }

    public String getMemory() {
        return Util.fixNull(memory);
    }

    @DataBoundSetter
    public void setMemory(String memory) {
        this.memory = Util.fixNull(memory).trim();
    }

    public String getCpuLimit() {
        return Util.fixNull(cpuLimit);
    }

    @DataBoundSetter
    public void setCpuLimit(String cpuLimit) {
        this.cpuLimit = Util.fixNull(cpuLimit).trim();
    }

    public String getMemoryLimit() {
        return Util.fixNull(memoryLimit);
    }

    @DataBoundSetter
    public void setMemoryLimit(String memoryLimit) {
        this.memoryLimit = Util.fixNull(memoryLimit).trim();
    }

    /** A file credential holding the kubeconfig of a kubernetes pool; empty: in-cluster or the node's default. */
    public String getKubeconfigCredentialsId() {
        return KUBERNETES.equals(type) ? Util.fixNull(kubeconfigCredentialsId) : "";
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Util.fixNull(kubeconfigCredentialsId).trim();
    }

    /**
     * The run plan's {@code generators.options} the pool sets beyond its shorthand (a kubernetes pool's image,
     * requests and limits, as docs/kubernetes.md names them); empty for other pools and for fields left empty.
     */
    public java.util.Map<String, String> options() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (KUBERNETES.equals(type)) {
            put(m, "image", getImage());
            put(m, "cpu", getCpu());
            put(m, "memory", getMemory());
            put(m, "cpuLimit", getCpuLimit());
            put(m, "memoryLimit", getMemoryLimit());
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void put(java.util.Map<String, String> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    /** The jmeter-server hosts, one {@code host[:port]} per entry (comma, space or newline separated). */
    public List<String> hostList() {
        return parseHosts(hosts);
    }

    /** A host list as written in a pool or in {@code servers:...}: comma, space or newline separated. */
    public static List<String> parseHosts(String text) {
        return GeneratorShorthand.splitHosts(text);
    }

    /**
     * The generator shorthand the pool stands for: {@code local:N}, {@code servers:h1:p,h2:p}, {@code agents:L:N}
     * or {@code kubernetes:NS:N}.
     */
    public String toSpec() {
        return switch (type) {
            case KUBERNETES -> KUBERNETES + ":" + getNamespace() + ":" + getPodCount();
            case "servers" -> "servers:" + String.join(",", hostList());
            case "agents" -> "agents:" + getLabel() + ":" + getAgentCount();
            default -> "local:" + localCount;
        };
    }

    @Symbol("generatorPool")
    @Extension
    public static final class DescriptorImpl extends Descriptor<GeneratorPool> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Generator pool";
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@QueryParameter String kubeconfigCredentialsId) {
            return KubeconfigChoices.of(null, kubeconfigCredentialsId);
        }

        public ListBoxModel doFillTypeItems() {
            ListBoxModel m = new ListBoxModel();
            m.add("Local JMeter processes on the agent", "local");
            m.add("Existing jmeter-server hosts", "servers");
            m.add("Jenkins agents matching a label expression", "agents");
            m.add("Kubernetes pods created for each run", KUBERNETES);
            return m;
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.poolName(value);
        }

        @POST
        public FormValidation doCheckLocalCount(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.intInRange(value, 1, MAX_LOCAL, "Local generators");
        }

        @POST
        public FormValidation doCheckAgentCount(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.intInRange(value, 1, GeneratorShorthand.Agents.MAX, "Agents");
        }

        @POST
        public FormValidation doCheckLabel(@QueryParameter String value, @QueryParameter String type) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (!"agents".equals(type)) {
                return FormValidation.ok();
            }
            if (Util.fixNull(value).isBlank()) {
                return FormValidation.error("An agents pool needs a label expression, e.g. loadgen && linux");
            }
            try {
                hudson.model.Label l = hudson.model.Label.parseExpression(value.trim());
                long n = Jenkins.get().getNodes().stream().filter(l::matches).count();
                return FormValidation.ok(n + " agent(s) match now");
            } catch (IllegalArgumentException e) {
                return FormValidation.error("Not a label expression: " + e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckPodCount(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.intInRange(value, 1, GeneratorShorthand.Kubernetes.MAX, "Pods");
        }

        @POST
        public FormValidation doCheckNamespace(@QueryParameter String value, @QueryParameter String type) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (!KUBERNETES.equals(type)) {
                return FormValidation.ok();
            }
            try {
                new GeneratorShorthand.Kubernetes(value, 1);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error("A kubernetes pool needs a namespace: lower case letters, digits and "
                        + "'-', at most 63");
            }
        }

        @POST
        public FormValidation doCheckCpu(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.quantity(value);
        }

        @POST
        public FormValidation doCheckMemory(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.quantity(value);
        }

        @POST
        public FormValidation doCheckCpuLimit(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.quantity(value);
        }

        @POST
        public FormValidation doCheckMemoryLimit(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.quantity(value);
        }

        @POST
        public FormValidation doCheckHosts(@QueryParameter String value, @QueryParameter String type) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.hostList(value, "servers".equals(type));
        }
    }
}
