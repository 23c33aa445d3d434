package io.jenkins.plugins.perfgate.publication;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.slaves.WorkspaceList;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * The kubeconfig of kubernetes generators, from a file credential of the Credentials plugin (by id), written for one
 * run to a private file ({@code 0600} in a {@code 0700} folder beside the workspace, in {@code WORKSPACE@tmp}) on the
 * workspace's node and deleted when closed. The command line gets its path only (the plan's
 * {@code generators.options.kubeconfig}); the content is never logged nor stored on the build.
 *
 * <p>Looked up in the build's context, like {@link MetricsCredentials}: with the build's authentication, among the
 * credentials its job may use; System-scoped credentials are not available there.
 */
public final class KubeconfigFile implements AutoCloseable {

    private static final KubeconfigFile NONE = new KubeconfigFile(null);

    private final FilePath dir;

    private KubeconfigFile(FilePath dir) {
        this.dir = dir;
    }

    /**
     * Writes the credential's kubeconfig on the workspace's node; no file for an empty id.
     *
     * @throws AbortException naming the id when the job has no file credential of that id
     */
    public static KubeconfigFile write(Run<?, ?> run, FilePath ws, String credentialsId)
            throws IOException, InterruptedException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return NONE;
        }
        FileCredentials c = CredentialsProvider.findCredentialById(credentialsId.strip(), FileCredentials.class,
                run);
        if (c == null) {
            throw new AbortException("perfgate: kubeconfigCredentialsId: '" + credentialsId.strip() + "' is not a "
                    + "secret file credential available to this job (missing, another kind, or System scope)");
        }
        FilePath tmp = WorkspaceList.tempDir(ws);
        if (tmp == null) {
            throw new AbortException("perfgate: no temporary folder beside the workspace " + ws.getRemote());
        }
        tmp.mkdirs();
        FilePath dir = tmp.createTempDir("perfgate-kube", "");
        KubeconfigFile file = new KubeconfigFile(dir);
        try {
            dir.chmod(0700);
            FilePath f = dir.child("kubeconfig");
            // created empty and made private before the secret goes in
            f.write("", "UTF-8");
            f.chmod(0600);
            try (InputStream in = c.getContent()) {
                f.copyFrom(in);
            }
            return file;
        } catch (IOException | InterruptedException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The kubeconfig file's path on the workspace's node; null when no credential was given. */
    public String path() {
        return dir == null ? null : dir.child("kubeconfig").getRemote();
    }

    /** Deletes the file and its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (dir != null) {
            dir.deleteRecursive();
        }
    }
}
