package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Item;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.htmlunit.FailingHttpStatusCodeException;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Secrets in a real Jenkins, with a real JMeter run: a secret template property ({@code secretProperties}) and the
 * Pushgateway's credentials, both stored in a folder, reach JMeter and the gateway, and no stored file (build,
 * job, history, report, summary) nor the build log holds them; the summary endpoint needs the report's permission.
 */
@WithJenkins
class SecretsTest {

    private static final String TOKEN = "tok-5ecr3t-value";
    private static final String PG_PASSWORD = "pg-f0lder-pw";

    @TempDir
    Path tmp;

    @Test
    void folderSecretsReachJMeterAndTheGatewayAndAreStoredNowhere(JenkinsRule j) throws Exception {
        Folder folder = j.jenkins.createProject(Folder.class, "team");
        CredentialsStore store = folderStore(folder);
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "api-token", "t",
                Secret.fromString(TOKEN)));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "pg",
                "gateway", "perf", PG_PASSWORD));
        Path jmx = tmp.resolve("dump.jmx");
        try (var in = getClass().getResourceAsStream("engine/runner/dump-environment.jmx")) {
            Files.copy(in, jmx);
        }
        Path dump = tmp.resolve("dump.txt");
        String script = "node {\n"
                + "  performanceTest template: '" + jmx + "', generators: 'local:1', metrics: true,\n"
                + "    properties: 'dumpFile=" + dump + "\\napiPassword=plain-but-secret-looking',\n"
                + "    secretProperties: [token: 'api-token']\n"
                + "}";
        WorkflowJob job = folder.createProject(WorkflowJob.class, "load");
        job.setDefinition(new CpsFlowDefinition(script, true));
        try (PerformanceTestStepTest.Pushgateway push = PerformanceTestStepTest.Pushgateway.start("perf",
                PG_PASSWORD)) {
            PerfgateConfiguration.get().setPushgatewayUrl(push.url());
            PerfgateConfiguration.get().setPushgatewayCredentialsId("pg");
            WorkflowRun b = j.buildAndAssertSuccess(job);
            j.assertLogContains("key figures pushed to Pushgateway", b);
            assertTrue(push.metrics().contains("job=\"team/load\""), "the folder's credentials were used");

            String dumped = Files.readString(dump);
            assertTrue(dumped.contains("prop token=" + TOKEN), "JMeter got the secret property");
            assertTrue(dumped.lines().filter(l -> l.startsWith("env ")).noneMatch(l -> l.contains(PG_PASSWORD)
                    || l.contains(TOKEN)), "the template saw a secret in its environment");

            PerfgateBuildAction a = b.getAction(PerfgateBuildAction.class);
            assertNotNull(a);
            String summary = Files.readString(new File(b.getRootDir(), "perfgate/summary.json").toPath());
            assertTrue(summary.contains("\"property.token\" : \"****\""), summary);
            assertTrue(summary.contains("\"property.apiPassword\" : \"****\""), "secret-looking names are masked");
            j.assertLogNotContains(TOKEN, b);
            j.assertLogNotContains(PG_PASSWORD, b);
            j.assertLogNotContains("plain-but-secret-looking", b);
            assertNothingStoredHolds(j.jenkins.getRootDir().toPath(), "", List.of(TOKEN, PG_PASSWORD));
            // a plain property is in the user's own Pipeline script (build.xml, flow nodes); perfgate's files
            // (summary, report, history) hold no secret-looking value
            assertNothingStoredHolds(j.jenkins.getRootDir().toPath(), "perfgate",
                    List.of("plain-but-secret-looking"));

            // the summary is the report's data: Item/Read alone does not get it
            j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
            j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                    .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                    .grant(Jenkins.READ, Item.READ, hudson.model.Run.ARTIFACTS).everywhere().to("viewer"));
            JenkinsRule.WebClient reader = j.createWebClient().login("reader");
            FailingHttpStatusCodeException denied = org.junit.jupiter.api.Assertions.assertThrows(
                    FailingHttpStatusCodeException.class, () -> reader.goTo(b.getUrl() + "perfgate/summaryJson",
                            null));
            assertEquals(403, denied.getStatusCode());
            String served = j.createWebClient().login("viewer").goTo(b.getUrl() + "perfgate/summaryJson", null)
                    .getWebResponse().getContentAsString();
            assertTrue(served.contains("\"property.token\""), served);
        }

        // a job outside the folder cannot use the folder's credentials
        WorkflowJob outside = j.createProject(WorkflowJob.class, "outside");
        outside.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, outside);
        j.assertLogContains("secret property 'token': no Secret text credentials 'api-token' are available to this "
                + "job", refused);
    }

    @Test
    void freestyleBuilderKeepsOnlyTheCredentialIds(JenkinsRule j) throws Exception {
        hudson.model.FreeStyleProject p = j.createFreeStyleProject("free");
        io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder builder =
                new io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder();
        builder.setTemplate("smoke");
        builder.setSecretProperties("token=api-token\npassword=db-pw");
        p.getBuildersList().add(builder);
        j.configRoundtrip(p);
        assertEquals("token=api-token\npassword=db-pw", p.getBuildersList()
                .get(io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder.class).getSecretProperties());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> builder.setSecretProperties("token"), "name=credentialsId lines only");
        // a missing credential stops the build before anything runs, naming it
        hudson.model.FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("no Secret text credentials 'api-token'", b);

        // metrics credentials with an id but no URL go nowhere: a plan's own URL would receive them
        com.cloudbees.plugins.credentials.SystemCredentialsProvider.getInstance().getCredentials().add(
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "influx", "", "perf", PG_PASSWORD));
        PerfgateConfiguration.get().setInfluxCredentialsId("influx");
        hudson.EnvVars env = new hudson.EnvVars();
        io.jenkins.plugins.perfgate.publication.MetricsCredentials.addTo(b, env, hudson.model.TaskListener.NULL);
        assertEquals(java.util.Map.of(), env, "no URL configured: no credentials handed out");
        PerfgateConfiguration.get().setInfluxUrl("http://influx.example.org:8086");
        io.jenkins.plugins.perfgate.publication.MetricsCredentials.addTo(b, env, hudson.model.TaskListener.NULL);
        assertEquals("http://influx.example.org:8086", env.get("PERFGATE_INFLUXDB_URL"), "bound to the URL");
        assertEquals(PG_PASSWORD, env.get("PERFGATE_INFLUXDB_PASSWORD"));
    }

    private static CredentialsStore folderStore(Folder folder) {
        for (CredentialsStore s : CredentialsProvider.lookupStores(folder)) {
            if (s.getContext() == folder) {
                return s;
            }
        }
        throw new AssertionError("no credentials store on the folder");
    }

    /** Every file under Jenkins' home whose path contains {@code under}: builds, job and history files, reports. */
    private static void assertNothingStoredHolds(Path home, String under, List<String> secrets) throws Exception {
        int checked = 0;
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().contains(under)).toList()) {
                if (f.toString().contains("credentials.xml") || f.toString().endsWith(".jar")
                        || f.toString().contains("/secrets/") || f.toString().contains("/plugins/")
                        || f.toString().contains("/workspace/")) {
                    continue; // the credentials themselves (encrypted), Jenkins' own keys, the workspaces
                }
                checked++;
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String s : secrets) {
                    assertFalse(text.contains(s), "'" + s + "' is stored in " + f);
                }
            }
        }
        assertTrue(checked > 3, "only " + checked + " files checked under " + home);
    }
}
