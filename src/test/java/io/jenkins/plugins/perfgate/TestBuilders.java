package io.jenkins.plugins.perfgate;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jvnet.hudson.test.TestBuilder;

/** Freestyle build steps for tests. */
final class TestBuilders {

    private TestBuilders() {
    }

    /** Writes a file into the workspace, as a build's own step would. */
    static TestBuilder writeFile(String path, String content) {
        return new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws InterruptedException, IOException {
                build.getWorkspace().child(path).write(content, StandardCharsets.UTF_8.name());
                return true;
            }
        };
    }
}
