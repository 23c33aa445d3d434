// perfgate: writes this jmeter-server's share of the run plan's data files into a fresh temporary folder and points
// the template's properties at them (JMeter has no file transfer, so the shares travel in the test plan, encoded).
// It runs once per server at test start, as the value of a User Defined Variable: JMeter evaluates those before any
// thread group starts. A listener registered here deletes the folder when the test ends, however it ends.
// Folders are created private (Files.createTempDirectory: 0700) and deleted without ever following a link, so another
// local user cannot make this server delete anything outside its own folders (a link planted under a stale folder's
// name, or inside one).
// (Written without dollar-brace and backslashes: JMeter would read those as its own functions and escapes.)
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.Paths
import org.apache.jmeter.engine.StandardJMeterEngine
import org.apache.jmeter.testelement.TestStateListener
import org.apache.jmeter.util.JMeterUtils

class PerfgateTree {
    /** Deletes a folder tree; a link is deleted itself, never what it points to. */
    static boolean delete(Path p) {
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> children = []
                Files.newDirectoryStream(p).withCloseable { s -> s.each { children << it } }
                children.each { delete(it) }
            }
            Files.deleteIfExists(p)
            return true
        } catch (IOException e) {
            return false
        }
    }

    /** Whether p is a real folder (not a link) of the same owner as mine: only those are cleaned up. */
    static boolean sameOwnerFolder(Path p, Path mine) {
        try {
            return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p) &&
                    Files.getOwner(p, LinkOption.NOFOLLOW_LINKS) == Files.getOwner(mine, LinkOption.NOFOLLOW_LINKS)
        } catch (IOException | UnsupportedOperationException e) {
            return false
        }
    }
}

class PerfgateDataCleanup implements TestStateListener {
    Path dir
    Map<String, String> previous
    def log

    void testStarted() {
    }

    void testStarted(String host) {
    }

    void testEnded() {
        clean()
    }

    void testEnded(String host) {
        clean()
    }

    void clean() {
        Properties props = JMeterUtils.getJMeterProperties()
        previous.each { name, value ->
            if (value == null) {
                props.remove(name)
            } else {
                props.setProperty(name, value)
            }
        }
        if (dir != null && Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !PerfgateTree.delete(dir)) {
            log.warn('perfgate: could not delete ' + dir + '; the next run with data files on this server retries')
        }
        dir = null
    }
}

// the controller gives each server the name it has in -R (RemoteJMeterEngineImpl.rconfigure)
String me = JMeterUtils.getPropDefault(JMeterUtils.THREAD_GROUP_DISTRIBUTED_PREFIX_PROPERTY_NAME, '')
if (me.isEmpty()) {
    return 'not on a jmeter-server'
}
Properties jmeterProps = JMeterUtils.getJMeterProperties()
List<String> servers = vars.get('perfgate.servers').tokenize(',')
int index = servers.indexOf(me)
int count = vars.get('perfgate.files') as int
List<String> names = []
List<String> properties = []
for (int i = 0; i < count; i++) {
    names << new String(Base64.decoder.decode(vars.get('perfgate.file.' + i + '.name')), 'UTF-8')
    properties << vars.get('perfgate.file.' + i + '.property')
}
Map<String, String> previous = [:]
(properties + ['perfgate.data.failure', 'perfgate.data.reporter']).each { previous[it] = jmeterProps.getProperty(it) }

String tag = me.replaceAll('[^A-Za-z0-9.-]', '_')
Path tmp = Paths.get(System.getProperty('java.io.tmpdir'))

Path dir = null
String current = names.isEmpty() ? '(none)' : names[0]
try {
    if (index < 0) {
        throw new IllegalStateException('the controller calls this server ' + me + ', which is not in ' + servers)
    }
    dir = Files.createTempDirectory(tmp, 'perfgate-data-' + tag + '-') // a new name, 0700
    try {
        // folders of earlier runs on this server whose test end never came (server killed): only real folders of
        // this server's user; links and other users' entries are left alone
        Path mine = dir
        List<Path> stale = []
        Files.newDirectoryStream(tmp, 'perfgate-data-' + tag + '-*').withCloseable { old ->
            old.each { if (it != mine && PerfgateTree.sameOwnerFolder(it, mine)) { stale << it } }
        }
        stale.each { PerfgateTree.delete(it) }
    } catch (Exception e) {
        log.warn('perfgate: could not delete old data folders in ' + tmp + ': ' + e)
    }
    for (int i = 0; i < count; i++) {
        current = names[i]
        String data = vars.get('perfgate.file.' + i + '.share.' + index)
        if (data == null) {
            data = vars.get('perfgate.file.' + i + '.share.all')
        }
        Path file = dir.resolve(current).normalize()
        if (file.parent != dir) {
            throw new IllegalArgumentException('a data file name must be a plain file name: ' + current)
        }
        Files.write(file, Base64.decoder.decode(data))
        jmeterProps.setProperty(properties[i], file.toString())
    }
    jmeterProps.setProperty('perfgate.data.reporter', '0')
    log.info('perfgate: wrote ' + count + ' data file(s) for ' + me + ' into ' + dir)
} catch (Throwable t) {
    String message = 'perfgate: jmeter-server ' + me + ' could not write data file ' + current + ' into ' +
            (dir == null ? tmp : dir) + ': ' + t
    log.error(message, t)
    if (dir != null) {
        PerfgateTree.delete(dir)
        dir = null
    }
    // the reporter thread (1 thread instead of 0) fails a sample with this message and stops this server's test;
    // a CSV Data Set at test-plan level also reads in that thread, so it gets a file that surely exists
    String placeholder = Paths.get(JMeterUtils.getJMeterBinDir(), 'jmeter.properties').toString()
    properties.each { jmeterProps.setProperty(it, placeholder) }
    jmeterProps.setProperty('perfgate.data.failure', message.readLines().join(' '))
    jmeterProps.setProperty('perfgate.data.reporter', '1')
} finally {
    // the encoded shares are not needed any more: keep them out of every thread's variables
    vars.entrySet().collect { it.key }.findAll { it.startsWith('perfgate.') }.each { vars.remove(it) }
    StandardJMeterEngine.register(new PerfgateDataCleanup(dir: dir, previous: previous, log: log))
}
return dir == null ? 'failed' : dir.toString()
