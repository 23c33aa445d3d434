package io.jenkins.plugins.perfgate.publication;

import hudson.EnvVars;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which other branch's history a build is gated against: {@code baseline: 'branch:main'} names one (a sibling job in
 * the same multibranch project or folder), and a change request build ({@code CHANGE_TARGET} set by the
 * multibranch project) is gated against its target branch by default, so the first build of a pull request already
 * has a baseline. The policy applied to that history is the effective one without the {@code branch:} part (the
 * global default, else {@code median:5}).
 *
 * @param branch      the branch named, empty when the build's own history is used
 * @param fromTarget  whether the branch is the change request's target (not named in the policy)
 * @param policy      the baseline policy to apply (empty: the default)
 */
record ReferenceBranch(String branch, boolean fromTarget, String policy) {

    static final String PREFIX = "branch:";

    /** The reference for a build with this effective policy and environment. */
    static ReferenceBranch of(String effectivePolicy, String defaultPolicy, EnvVars env) {
        String p = effectivePolicy == null ? "" : effectivePolicy.trim();
        if (p.startsWith(PREFIX)) {
            String def = defaultPolicy == null || defaultPolicy.trim().startsWith(PREFIX) ? "" : defaultPolicy.trim();
            return new ReferenceBranch(p.substring(PREFIX.length()).trim(), false, def);
        }
        String target = env == null ? "" : env.get("CHANGE_TARGET", "").trim();
        return new ReferenceBranch(target, !target.isEmpty(), p);
    }

    /** Why a {@code branch:} policy is malformed, or null when it is fine (or no {@code branch:} policy). */
    static String problem(String policy) {
        String p = policy == null ? "" : policy.trim();
        return p.startsWith(PREFIX) && p.substring(PREFIX.length()).isBlank()
                ? "'branch:' needs the name of a branch, e.g. branch:main" : null;
    }

    boolean isOwnHistory() {
        return branch.isEmpty();
    }

    /**
     * The job of the branch beside {@code job} (the same multibranch project or folder), by its name or, for branch
     * names that the project encodes ({@code feature/x} as {@code feature%2Fx}), its decoded name or display name.
     */
    Optional<Job<?, ?>> job(Job<?, ?> job) {
        ItemGroup<? extends Item> parent = job.getParent();
        for (Item item : parent.getItems()) {
            if (item instanceof Job<?, ?> other && other != job && (other.getName().equals(branch)
                    || decoded(other.getName()).equals(branch) || other.getDisplayName().equals(branch))) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
