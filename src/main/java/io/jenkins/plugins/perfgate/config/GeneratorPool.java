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
 * matching a label expression (one JMeter each, on its share of the load).
 */
public final class GeneratorPool extends AbstractDescribableImpl<GeneratorPool> {

    /** Upper bound for local generator processes on one agent: each is a JVM. */
    public static final int MAX_LOCAL = GeneratorShorthand.Local.MAX;

    private final String name;
    private String type = "local";
    private int localCount = 1;
    private String hosts = "";
    private String label = "";
    private int agentCount = 1;

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
        this.type = "servers".equals(type) || "agents".equals(type) ? type : "local";
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

    /** The jmeter-server hosts, one {@code host[:port]} per entry (comma, space or newline separated). */
    public List<String> hostList() {
        return parseHosts(hosts);
    }

    /** A host list as written in a pool or in {@code servers:...}: comma, space or newline separated. */
    public static List<String> parseHosts(String text) {
        return GeneratorShorthand.splitHosts(text);
    }

    /** The generator shorthand the pool stands for: {@code local:N}, {@code servers:h1:p,h2:p} or {@code agents:L:N}. */
    public String toSpec() {
        return switch (type) {
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

        public ListBoxModel doFillTypeItems() {
            ListBoxModel m = new ListBoxModel();
            m.add("Local JMeter processes on the agent", "local");
            m.add("Existing jmeter-server hosts", "servers");
            m.add("Jenkins agents matching a label expression", "agents");
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
        public FormValidation doCheckHosts(@QueryParameter String value, @QueryParameter String type) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.hostList(value, "servers".equals(type));
        }
    }
}
