package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.util.Map;

/**
 * Which plugin, library or JMeter module is known to provide a class a test plan names, for the message of a plan
 * whose classes are missing ({@link PlanClassCheck}). Longest matching prefix wins; a class of no known provider gets
 * a general hint.
 */
final class KnownProviders {

    private static final Map<String, String> BY_PREFIX = Map.ofEntries(
            Map.entry("com.blazemeter.jmeter.threads.", "the JMeter plugin kg.apc:jmeter-plugins-casutg:2.10"),
            Map.entry("kg.apc.jmeter.threads.", "the JMeter plugin kg.apc:jmeter-plugins-casutg:2.10"),
            Map.entry("kg.apc.jmeter.timers.", "the JMeter plugin kg.apc:jmeter-plugins-casutg:2.10"),
            Map.entry("kg.apc.jmeter.vizualizers.", "the JMeter plugin kg.apc:jmeter-plugins-graphs-basic"),
            Map.entry("kg.apc.jmeter.", "a JMeter plugin of kg.apc (jmeter-plugins.org)"),
            Map.entry("com.github.johrstrom.", "the JMeter plugin com.github.johrstrom:jmeter-prometheus-plugin"),
            Map.entry("org.postgresql.", "the library org.postgresql:postgresql"),
            Map.entry("com.mysql.", "the library com.mysql:mysql-connector-j"),
            Map.entry("org.mariadb.jdbc.", "the library org.mariadb.jdbc:mariadb-java-client"),
            Map.entry("oracle.jdbc.", "the library com.oracle.database.jdbc:ojdbc11"),
            Map.entry("com.microsoft.sqlserver.", "the library com.microsoft.sqlserver:mssql-jdbc"),
            Map.entry("org.h2.", "the library com.h2database:h2"),
            Map.entry("org.apache.activemq.", "the library org.apache.activemq:activemq-client"),
            Map.entry("org.apache.jmeter.protocol.jdbc.", "JMeter's module ApacheJMeter_jdbc (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.jms.", "JMeter's module ApacheJMeter_jms (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.ldap.", "JMeter's module ApacheJMeter_ldap (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.ftp.", "JMeter's module ApacheJMeter_ftp (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.mail.", "JMeter's module ApacheJMeter_mail (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.mongodb.", "JMeter's module ApacheJMeter_mongodb (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.bolt.", "JMeter's module ApacheJMeter_bolt (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.smtp.", "JMeter's module ApacheJMeter_mail (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.java.", "JMeter's module ApacheJMeter_java (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.tcp.", "JMeter's module ApacheJMeter_tcp (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.system.", "JMeter's module ApacheJMeter_native (lib/ext)"),
            Map.entry("org.apache.jmeter.protocol.junit.", "JMeter's module ApacheJMeter_junit (lib/ext)"));

    private KnownProviders() {
    }

    /** The provider of {@code className} in words. */
    static String of(String className) {
        String best = null;
        for (String prefix : BY_PREFIX.keySet()) {
            if (className.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best != null ? BY_PREFIX.get(best)
                : "no known provider: put the jar that has it in lib/ext (a plugin) or lib (a library) of a "
                        + "JMETER_HOME";
    }
}
