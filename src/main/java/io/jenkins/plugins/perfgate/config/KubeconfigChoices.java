package io.jenkins.plugins.perfgate.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * The kubeconfig credentials a form offers: file credentials visible where the run will look them up (the job's
 * folders and the global store, as the job's identity). Someone who may not configure the job sees only the value
 * already chosen, so the list never reveals credential ids; the global pools' list needs Overall/Administer.
 */
public final class KubeconfigChoices {

    private KubeconfigChoices() {
    }

    /**
     * @param context the job being configured, or null for the global generator pools
     * @param current the id chosen now, kept in the list even when it no longer resolves
     */
    public static ListBoxModel of(@CheckForNull Item context, String current) {
        StandardListBoxModel items = new StandardListBoxModel();
        if (context == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER); // the global pools, like the other global lists
        } else if (!context.hasPermission(Item.CONFIGURE)) {
            return items.includeCurrentValue(current);
        }
        return items.includeEmptyValue()
                .includeAs(context instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                        context, FileCredentials.class, List.of())
                .includeCurrentValue(current);
    }
}
