package io.jenkins.plugins.perfgate.steps;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.tasks.BuildStep;
import hudson.tasks.BuildStepDescriptor;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What the freestyle Builder's and Recorder's descriptors share: any job type, the gate fields' form checks. */
public abstract class GatedBuildStepDescriptor<T extends BuildStep & Describable<T>> extends BuildStepDescriptor<T> {

    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
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
