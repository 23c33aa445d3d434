package io.jenkins.plugins.perfgate.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.XmlFile;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.XStream2;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * perfgate's global settings (Manage Jenkins → System → perfgate): which JMeter to use, named generator pools,
 * default criteria and baseline policy, and where to export metrics. Every field is a bean property with a
 * {@link DataBoundSetter}, so Configuration as Code can set it ({@code unclassified: perfgate: ...}).
 */
@Symbol("perfgate")
@Extension
public class PerfgateConfiguration extends GlobalConfiguration {

    private String jmeterHome = "";
    /** JMeter plugins and libraries every run gets (group:artifact:version, comma or line separated). */
    private String jmeterPlugins = "";
    private String libraries = "";
    private List<GeneratorPool> generatorPools = new ArrayList<>();
    /** Seconds a run waits for the agents of {@code agents:LABEL:N}; 0 (a configuration from before): default. */
    private int agentWait = DEFAULT_AGENT_WAIT;
    private String defaultCriteria = "";
    private String defaultBaseline = "";
    private String influxUrl = "";
    private String influxCredentialsId = "";
    private String pushgatewayUrl = "";
    private String pushgatewayCredentialsId = "";

    /**
     * The file earlier versions wrote (when this class lived in the root package), kept so settings survive the
     * upgrade; its own XStream reads the old element names.
     */
    static final String CONFIG_FILE = "io.jenkins.plugins.perfgate.PerfgateConfiguration.xml";
    private static final XStream2 XSTREAM = new XStream2();

    static {
        XSTREAM.addCompatibilityAlias("io.jenkins.plugins.perfgate.PerfgateConfiguration", PerfgateConfiguration.class);
        XSTREAM.addCompatibilityAlias("io.jenkins.plugins.perfgate.GeneratorPool", GeneratorPool.class);
    }

    public PerfgateConfiguration() {
        load();
    }

    @Override
    protected XmlFile getConfigFile() {
        return new XmlFile(XSTREAM, new File(Jenkins.get().getRootDir(), CONFIG_FILE));
    }

    /** Default of {@link #getAgentWait()}: five minutes. */
    public static final int DEFAULT_AGENT_WAIT = 300;
    /** Longest wait for agents one may configure: a day. */
    public static final int MAX_AGENT_WAIT = 86_400;

    public static PerfgateConfiguration get() {
        return GlobalConfiguration.all().getInstance(PerfgateConfiguration.class);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // repeatable lists are left out of the form data when empty: reset before binding
        generatorPools = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** Empty: perfgate provisions its bundled JMeter 5.6.3 on each agent; else a JMETER_HOME on the agents. */
    public String getJmeterHome() {
        return jmeterHome;
    }

    @DataBoundSetter
    public void setJmeterHome(String jmeterHome) {
        this.jmeterHome = Util.fixNull(jmeterHome).trim();
        save();
    }

    /** JMeter plugins from Maven Central added to every run (the plan's and the step's come on top). */
    public String getJmeterPlugins() {
        return jmeterPlugins == null ? "" : jmeterPlugins;
    }

    @DataBoundSetter
    public void setJmeterPlugins(String v) {
        MavenCoordinate.parseList(v, "JMeter plugins");
        this.jmeterPlugins = Util.fixNull(v).trim();
        save();
    }

    /** Libraries from Maven Central (e.g. JDBC drivers) added to every run. */
    public String getLibraries() {
        return libraries == null ? "" : libraries;
    }

    @DataBoundSetter
    public void setLibraries(String v) {
        MavenCoordinate.parseList(v, "Libraries");
        this.libraries = Util.fixNull(v).trim();
        save();
    }

    @POST
    public FormValidation doCheckJmeterPlugins(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return coordinates(value, "JMeter plugins");
    }

    @POST
    public FormValidation doCheckLibraries(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return coordinates(value, "Libraries");
    }

    private static FormValidation coordinates(String value, String field) {
        try {
            MavenCoordinate.parseList(value, field);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** How long (seconds) a run with {@code generators: 'agents:LABEL:N'} waits for N free matching agents. */
    public int getAgentWait() {
        return agentWait <= 0 ? DEFAULT_AGENT_WAIT : agentWait;
    }

    @DataBoundSetter
    public void setAgentWait(int agentWait) {
        this.agentWait = Math.max(1, Math.min(MAX_AGENT_WAIT, agentWait));
        save();
    }

    public List<GeneratorPool> getGeneratorPools() {
        return generatorPools;
    }

    @DataBoundSetter
    public void setGeneratorPools(List<GeneratorPool> generatorPools) {
        this.generatorPools = generatorPools == null ? new ArrayList<>() : new ArrayList<>(generatorPools);
        save();
    }

    public Optional<GeneratorPool> pool(String name) {
        return generatorPools.stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    public String getDefaultCriteria() {
        return defaultCriteria;
    }

    @DataBoundSetter
    public void setDefaultCriteria(String defaultCriteria) {
        this.defaultCriteria = Util.fixNull(defaultCriteria).trim();
        save();
    }

    public String getDefaultBaseline() {
        return defaultBaseline;
    }

    @DataBoundSetter
    public void setDefaultBaseline(String defaultBaseline) {
        this.defaultBaseline = Util.fixNull(defaultBaseline).trim();
        save();
    }

    public String getInfluxUrl() {
        return influxUrl;
    }

    @DataBoundSetter
    public void setInfluxUrl(String influxUrl) {
        this.influxUrl = Util.fixNull(influxUrl).trim();
        save();
    }

    public String getInfluxCredentialsId() {
        return influxCredentialsId;
    }

    @DataBoundSetter
    public void setInfluxCredentialsId(String influxCredentialsId) {
        this.influxCredentialsId = Util.fixNull(influxCredentialsId);
        save();
    }

    public String getPushgatewayUrl() {
        return pushgatewayUrl;
    }

    @DataBoundSetter
    public void setPushgatewayUrl(String pushgatewayUrl) {
        this.pushgatewayUrl = Util.fixNull(pushgatewayUrl).trim();
        save();
    }

    public String getPushgatewayCredentialsId() {
        return pushgatewayCredentialsId;
    }

    @DataBoundSetter
    public void setPushgatewayCredentialsId(String pushgatewayCredentialsId) {
        this.pushgatewayCredentialsId = Util.fixNull(pushgatewayCredentialsId);
        save();
    }

    // ---- form support: all of it needs Overall/Administer, and checks are POST only (they may touch the disk)

    @POST
    public ListBoxModel doFillInfluxCredentialsIdItems(@QueryParameter String influxCredentialsId) {
        return credentialItems(influxCredentialsId);
    }

    @POST
    public ListBoxModel doFillPushgatewayCredentialsIdItems(@QueryParameter String pushgatewayCredentialsId) {
        return credentialItems(pushgatewayCredentialsId);
    }

    private static ListBoxModel credentialItems(String current) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, (Item) null, StandardUsernamePasswordCredentials.class, List.of())
                .includeCurrentValue(current);
    }

    @POST
    public FormValidation doCheckJmeterHome(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixNull(value).isBlank()) {
            return FormValidation.ok("perfgate provisions JMeter 5.6.3 from Maven Central on each agent (cached)");
        }
        File bin = new File(value.trim(), "bin");
        if (!new File(bin, "ApacheJMeter.jar").isFile()) {
            return FormValidation.warning("No bin/ApacheJMeter.jar under " + value
                    + " on the controller; it must exist on every agent that runs tests");
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDefaultCriteria(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.criteria(value);
    }

    @POST
    public FormValidation doCheckDefaultBaseline(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.baseline(value);
    }

    @POST
    public FormValidation doCheckInfluxUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return httpUrl(value);
    }

    @POST
    public FormValidation doCheckPushgatewayUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return httpUrl(value);
    }

    public static FormValidation httpUrl(String value) {
        if (Util.fixNull(value).isBlank()) {
            return FormValidation.ok();
        }
        try {
            URI u = new URI(value.trim());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                return FormValidation.error("Give an http:// or https:// URL with a host");
            }
            return FormValidation.ok();
        } catch (java.net.URISyntaxException e) {
            return FormValidation.error("Not a URL: " + e.getReason());
        }
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "perfgate";
    }
}
