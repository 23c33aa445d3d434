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
        return new WriteFile(path, content);
    }

    static final class WriteFile extends TestBuilder {
        private final String path;
        private final String content;

        WriteFile(String path, String content) {
            this.path = path;
            this.content = content;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child(path).write(content, StandardCharsets.UTF_8.name());
            return true;
        }
    }

    /** Copies a template from the project into the workspace, as a checkout would. */
    static final class CopyTemplate extends TestBuilder {
        private final String from;
        private final String to;

        CopyTemplate(String from, String to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child(to).copyFrom(new hudson.FilePath(new java.io.File(from)));
            return true;
        }
    }
}
