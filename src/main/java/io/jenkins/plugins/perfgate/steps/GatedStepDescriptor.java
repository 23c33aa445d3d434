package io.jenkins.plugins.perfgate.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What the descriptors of both Pipeline steps share: their context and the gate fields' form checks. */
public abstract class GatedStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, Launcher.class, EnvVars.class, TaskListener.class);
    }

    @POST
    public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.id(item, value);
    }

    @POST
    public FormValidation doCheckCriteria(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.criteria(item, value);
    }

    @POST
    public FormValidation doCheckBaseline(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.baseline(item, value);
    }

    @POST
    public FormValidation doCheckApdexT(@AncestorInPath Item item, @QueryParameter String value) {
        return Forms.apdexT(item, value);
    }

    /**
     * Help of {@code fields} comes from {@code owner}'s help files: each field's help text exists once, beside the
     * freestyle class that has the field ({@code help-FIELD.html}).
     */
    protected final void helpFrom(Class<? extends hudson.model.Describable> owner, java.util.Collection<String> fields) {
        for (String f : fields) {
            addHelpFileRedirect(f, owner, f);
        }
    }
}
