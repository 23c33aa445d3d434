package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.scm.ChangeLogParser;
import hudson.scm.NullChangeLogParser;
import hudson.scm.PollingResult;
import hudson.scm.SCM;
import hudson.scm.SCMDescriptor;
import hudson.scm.SCMRevisionState;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.branch.BranchSource;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMHeadEvent;
import jenkins.scm.api.SCMHeadObserver;
import jenkins.scm.api.SCMHeadOrigin;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.SCMSourceCriteria;
import jenkins.scm.api.SCMSourceDescriptor;
import jenkins.scm.api.mixin.ChangeRequestCheckoutStrategy;
import jenkins.scm.api.mixin.ChangeRequestSCMHead2;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * In a real multibranch project, a change request's first build is gated against its target branch's history, and
 * {@code baseline: 'branch:main'} names another branch's history explicitly.
 */
@WithJenkins
class MultibranchBaselineTest {

    /**
     * A branch source for tests (the kit has no scm-api test jar with its mock source): branches and change requests
     * whose only file is a Jenkinsfile held in memory, checked out by writing it into the workspace. A change request
     * named {@code PR-N} targets the branch given with it, so its builds get {@code CHANGE_TARGET}.
     */
    public static final class TestBranchSource extends SCMSource {

        /** Head name to Jenkinsfile; change requests are those with a target. */
        private final Map<String, String> files = new LinkedHashMap<>();
        private final Map<String, String> targets = new LinkedHashMap<>();

        TestBranchSource() {
            setId("test-source");
        }

        TestBranchSource branch(String name, String jenkinsfile) {
            files.put(name, jenkinsfile);
            return this;
        }

        TestBranchSource changeRequest(String name, String target, String jenkinsfile) {
            files.put(name, jenkinsfile);
            targets.put(name, target);
            return this;
        }

        @Override
        protected void retrieve(SCMSourceCriteria criteria, @NonNull SCMHeadObserver observer, SCMHeadEvent<?> event,
                @NonNull TaskListener listener) throws IOException, InterruptedException {
            for (String name : files.keySet()) {
                SCMHead head = targets.containsKey(name) ? new ChangeHead(name, targets.get(name)) : new SCMHead(name);
                observer.observe(head, new Revision(head, files.get(name).hashCode()));
            }
        }

        @NonNull
        @Override
        public SCM build(@NonNull SCMHead head, SCMRevision revision) {
            return new FileSCM(files.getOrDefault(head.getName(), ""));
        }

        /** A change request head: {@code PR-1} targeting {@code main}. */
        static final class ChangeHead extends SCMHead implements ChangeRequestSCMHead2 {
            private static final long serialVersionUID = 1L;
            private final String target;

            ChangeHead(String name, String target) {
                super(name);
                this.target = target;
            }

            @NonNull
            @Override
            public String getId() {
                return getName().replaceFirst("^PR-", "");
            }

            @NonNull
            @Override
            public SCMHead getTarget() {
                return new SCMHead(target);
            }

            @NonNull
            @Override
            public ChangeRequestCheckoutStrategy getCheckoutStrategy() {
                return ChangeRequestCheckoutStrategy.HEAD;
            }

            @NonNull
            @Override
            public String getOriginName() {
                return getName();
            }

            @NonNull
            @Override
            public SCMHeadOrigin getOrigin() {
                return SCMHeadOrigin.DEFAULT;
            }
        }

        /** A revision: the Jenkinsfile's hash. */
        static final class Revision extends SCMRevision {
            private static final long serialVersionUID = 1L;
            private final int hash;

            Revision(SCMHead head, int hash) {
                super(head);
                this.hash = hash;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Revision r && r.getHead().equals(getHead()) && r.hash == hash;
            }

            @Override
            public int hashCode() {
                return getHead().hashCode() * 31 + hash;
            }
        }

        /** Checks out by writing the Jenkinsfile. */
        public static final class FileSCM extends SCM {
            private final String jenkinsfile;

            FileSCM(String jenkinsfile) {
                this.jenkinsfile = jenkinsfile;
            }

            @Override
            public void checkout(@NonNull Run<?, ?> build, @NonNull Launcher launcher, @NonNull FilePath workspace,
                    @NonNull TaskListener listener, File changelogFile, SCMRevisionState baseline)
                    throws IOException, InterruptedException {
                workspace.child("Jenkinsfile").write(jenkinsfile, StandardCharsets.UTF_8.name());
            }

            @Override
            public SCMRevisionState calcRevisionsFromBuild(@NonNull Run<?, ?> build, FilePath workspace,
                    Launcher launcher, @NonNull TaskListener listener) {
                return SCMRevisionState.NONE;
            }

            @Override
            public PollingResult compareRemoteRevisionWith(@NonNull Job<?, ?> project, Launcher launcher,
                    FilePath workspace, @NonNull TaskListener listener, @NonNull SCMRevisionState baseline) {
                return PollingResult.NO_CHANGES;
            }

            @Override
            public ChangeLogParser createChangeLogParser() {
                return NullChangeLogParser.INSTANCE;
            }

            @TestExtension
            public static final class Descriptor extends SCMDescriptor<FileSCM> {
                public Descriptor() {
                    super(null);
                }
            }
        }

        @TestExtension
        public static final class Descriptor extends SCMSourceDescriptor {
        }
    }

    /** A Jenkinsfile that publishes 100 samples of about {@code millis} ms with the given baseline. */
    private static String jenkinsfile(long millis, String baseline) {
        String jtl = new Jtl().add("api", 100, millis, 10, 0).text();
        return "node {\n  writeFile file: 'results/run.jtl', text: '''" + jtl + "'''\n"
                + "  perfgatePublish files: 'results/*.jtl', html: false, criteria: 'p95 vs baseline < +20%'"
                + (baseline.isEmpty() ? "" : ", baseline: '" + baseline + "'") + "\n}\n";
    }

    @Test
    void aPullRequestIsGatedAgainstItsTargetBranch(JenkinsRule j) throws Exception {
        WorkflowMultiBranchProject mp = j.createProject(WorkflowMultiBranchProject.class, "shop");
        TestBranchSource source = new TestBranchSource().branch("main", jenkinsfile(100, ""));
        mp.getSourcesList().add(new BranchSource(source));
        mp.scheduleBuild2(0).getFuture().get();
        j.waitUntilNoActivity();
        WorkflowJob main = mp.getItem("main");
        assertNotNull(main, "indexing created the branch job");
        j.buildAndAssertSuccess(main); // main: two builds of ~100 ms

        // a change request that makes things 3x slower, and a branch that names main's history explicitly
        source.changeRequest("PR-1", "main", jenkinsfile(300, ""))
                .branch("feature", jenkinsfile(105, "branch:main"));
        mp.scheduleBuild2(0).getFuture().get();
        j.waitUntilNoActivity();

        WorkflowRun pr = mp.getItem("PR-1").getBuildByNumber(1);
        j.assertBuildStatus(Result.FAILURE, pr);
        j.assertLogContains("baseline from the history of branch main (the change request's target)", pr);
        PerfgateBuildAction a = pr.getAction(PerfgateBuildAction.class);
        assertEquals("FAIL", a.getVerdict());
        assertEquals("median of 2 passing builds (#1, #2) of branch main", a.getBaselineDescription());
        assertEquals(0, a.getBaselineBuild(), "a build of another job is not linked as this job's build");

        WorkflowRun feature = mp.getItem("feature").getBuildByNumber(1);
        j.assertBuildStatus(Result.SUCCESS, feature);
        assertEquals("median of 2 passing builds (#1, #2) of branch main",
                feature.getAction(PerfgateBuildAction.class).getBaselineDescription());
    }
}
