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
 * A named set of load generators that steps refer to by name ({@code generators: 'ci-pool'}): either N local JMeter
 * processes on the agent that runs the step, or a list of existing {@code jmeter-server} hosts.
 */
public final class GeneratorPool extends AbstractDescribableImpl<GeneratorPool> {

    /** Upper bound for local generator processes on one agent: each is a JVM. */
    public static final int MAX_LOCAL = GeneratorShorthand.Local.MAX;

    private final String name;
    private String type = "local";
    private int localCount = 1;
    private String hosts = "";

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
        this.type = "servers".equals(type) ? "servers" : "local";
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

    /** The jmeter-server hosts, one {@code host[:port]} per entry (comma, space or newline separated). */
    public List<String> hostList() {
        return parseHosts(hosts);
    }

    /** A host list as written in a pool or in {@code servers:...}: comma, space or newline separated. */
    public static List<String> parseHosts(String text) {
        return GeneratorShorthand.splitHosts(text);
    }

    /** The generator specification passed to the runner: {@code local:N} or {@code servers:h1:p,h2:p}. */
    public String toSpec() {
        return "servers".equals(type) ? "servers:" + String.join(",", hostList()) : "local:" + localCount;
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
        public FormValidation doCheckHosts(@QueryParameter String value, @QueryParameter String type) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.hostList(value, "servers".equals(type));
        }
    }
}
