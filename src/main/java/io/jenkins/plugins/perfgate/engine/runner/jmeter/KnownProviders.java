package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.util.Map;

/**
 * Which plugin, library or JMeter module is known to provide a class a test plan names, for the message of a plan
 * whose classes are missing ({@link PlanClassCheck}). Longest matching prefix wins; a class of no known provider gets
 * a general hint.
 */
final class KnownProviders {

    private static final String CASUTG = "the JMeter plugin kg.apc:jmeter-plugins-casutg:2.10 "
            + "(jmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10])";

    private static final Map<String, String> BY_PREFIX = Map.ofEntries(
            Map.entry("com.blazemeter.jmeter.threads.", CASUTG),
            Map.entry("com.blazemeter.jmeter.control.", CASUTG),
            Map.entry("kg.apc.jmeter.threads.", CASUTG),
            Map.entry("kg.apc.jmeter.timers.", CASUTG),
            Map.entry("kg.apc.jmeter.vizualizers.", "the JMeter plugin kg.apc:jmeter-plugins-graphs-basic "
                    + "(jmeterPlugins: [kg.apc:jmeter-plugins-graphs-basic:2.0])"),
            Map.entry("kg.apc.jmeter.", "a JMeter plugin of kg.apc (jmeter-plugins.org): "
                    + "name it in jmeterPlugins: [kg.apc:ARTIFACT:VERSION]"),
            Map.entry("com.github.johrstrom.", "the JMeter plugin com.github.johrstrom:jmeter-prometheus-plugin "
                    + "(jmeterPlugins: [com.github.johrstrom:jmeter-prometheus-plugin:VERSION])"),
            Map.entry("org.postgresql.", "the library org.postgresql:postgresql "
                    + "(libraries: [org.postgresql:postgresql:VERSION])"),
            Map.entry("com.mysql.", "the library com.mysql:mysql-connector-j "
                    + "(libraries: [com.mysql:mysql-connector-j:VERSION])"),
            Map.entry("org.mariadb.jdbc.", "the library org.mariadb.jdbc:mariadb-java-client "
                    + "(libraries: [org.mariadb.jdbc:mariadb-java-client:VERSION])"),
            Map.entry("oracle.jdbc.", "the library com.oracle.database.jdbc:ojdbc11 "
                    + "(libraries: [com.oracle.database.jdbc:ojdbc11:VERSION])"),
            Map.entry("com.microsoft.sqlserver.", "the library com.microsoft.sqlserver:mssql-jdbc "
                    + "(libraries: [com.microsoft.sqlserver:mssql-jdbc:VERSION])"),
            Map.entry("org.h2.", "the library com.h2database:h2 (libraries: [com.h2database:h2:VERSION])"),
            Map.entry("org.apache.activemq.", "the library org.apache.activemq:activemq-client "
                    + "(libraries: [org.apache.activemq:activemq-client:VERSION])"),
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
                : "no known provider: name the jar that has it in jmeterPlugins: or libraries: "
                        + "(group:artifact:version on Maven Central), or put it in lib/ext or lib of a JMETER_HOME";
    }
}
