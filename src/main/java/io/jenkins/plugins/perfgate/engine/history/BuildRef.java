package io.jenkins.plugins.perfgate.engine.history;

import java.util.Objects;
import java.util.Optional;

/**
 * Identifies the build a run summary belongs to.
 *
 * @param number     build number, the history key (unique, increasing)
 * @param id         build id as the CI names it (may equal the number)
 * @param timeMillis when the build started, epoch ms
 * @param result     the build's result
 * @param releaseTag release or version tag, empty when none
 * @param gitCommit  commit built, empty when unknown
 */
public record BuildRef(long number, String id, long timeMillis, BuildResult result, String releaseTag,
        String gitCommit) {

    public BuildRef {
        if (number < 0) {
            throw new IllegalArgumentException("build number must not be negative, was " + number);
        }
        id = id == null || id.isEmpty() ? Long.toString(number) : id;
        Objects.requireNonNull(result);
        releaseTag = releaseTag == null ? "" : releaseTag.trim();
        gitCommit = gitCommit == null ? "" : gitCommit.trim();
    }

    /** A build known only by number, time and result. */
    public static BuildRef of(long number, long timeMillis, BuildResult result) {
        return new BuildRef(number, "", timeMillis, result, "", "");
    }

    public Optional<String> tag() {
        return releaseTag.isEmpty() ? Optional.empty() : Optional.of(releaseTag);
    }

    public Optional<String> commit() {
        return gitCommit.isEmpty() ? Optional.empty() : Optional.of(gitCommit);
    }

    public BuildRef withResult(BuildResult newResult) {
        return new BuildRef(number, id, timeMillis, newResult, releaseTag, gitCommit);
    }

    /** {@code #42} or {@code #42 (v1.2.0)}. */
    public String display() {
        return "#" + number + (releaseTag.isEmpty() ? "" : " (" + releaseTag + ")");
    }
}
