package io.jenkins.plugins.perfgate.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.EnvVars;
import org.junit.jupiter.api.Test;

/** Which history a build is judged against: its own, a named branch's, or a change request's target's. */
class ReferenceBranchTest {

    @Test
    void aNamedBranchTakesTheDefaultPolicy() {
        ReferenceBranch r = ReferenceBranch.of("branch:main", "median:3", new EnvVars());
        assertEquals(new ReferenceBranch("main", false, "median:3"), r);
        assertEquals("", ReferenceBranch.of(" branch: release/2.x ", "", new EnvVars()).policy());
        assertEquals("release/2.x", ReferenceBranch.of(" branch: release/2.x ", "", new EnvVars()).branch());
        // a global default that is itself a branch is not a policy to apply on that branch
        assertEquals("", ReferenceBranch.of("branch:main", "branch:main", new EnvVars()).policy());
    }

    @Test
    void aChangeRequestIsJudgedAgainstItsTargetWithTheEffectivePolicy() {
        EnvVars pr = new EnvVars("CHANGE_TARGET", "main", "CHANGE_ID", "7");
        assertEquals(new ReferenceBranch("main", true, "previous"), ReferenceBranch.of("previous", "", pr));
        assertEquals(new ReferenceBranch("develop", false, ""), ReferenceBranch.of("branch:develop", "", pr),
                "a named branch wins over the target");
        assertTrue(ReferenceBranch.of("median:5", "", new EnvVars()).isOwnHistory());
    }

    @Test
    void aBranchPolicyNeedsAName() {
        assertEquals("'branch:' needs the name of a branch, e.g. branch:main", GateBridge.baselineProblem("branch:"));
        assertNull(GateBridge.baselineProblem("branch:main"));
        assertTrue(GateBridge.baselineProblem("branch-main").startsWith("unknown baseline policy"));
    }
}
