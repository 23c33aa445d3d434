package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.XStream2;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import org.junit.jupiter.api.Test;

/**
 * The engine's {@link LabelFigures} as Jenkins' XStream keeps it in build.xml: key figures written by the former root
 * {@code KeyFigures} class read back with nothing but a class alias (the one the compatibility aliases must hold).
 */
class LabelFiguresXStreamTest {

    private static final String OLD = """
            <io.jenkins.plugins.perfgate.KeyFigures>
              <label>TOTAL</label>
              <count>120</count>
              <errors>3</errors>
              <errorPercent>2.5</errorPercent>
              <throughput>40.25</throughput>
              <mean>210.5</mean>
              <p50>180</p50>
              <p90>300</p90>
              <p95>350</p95>
              <p99>500</p99>
              <max>812</max>
              <apdex>0.93</apdex>
            </io.jenkins.plugins.perfgate.KeyFigures>
            """;

    @Test
    void oldKeyFiguresReadAsLabelFiguresThroughAnAlias() {
        XStream2 x = new XStream2();
        x.alias("io.jenkins.plugins.perfgate.KeyFigures", LabelFigures.class);
        LabelFigures f = (LabelFigures) x.fromXML(OLD);
        assertEquals("TOTAL", f.label());
        assertEquals(120, f.getCount());
        assertEquals(350, f.getP95());
        assertEquals(40.25, f.get(Metric.THROUGHPUT));
        assertEquals(0.93, f.getApdex());
        assertTrue(Double.isNaN(f.get(Metric.LATENCY_P95)), "metrics old records lack read as not recorded");
        assertEquals(f, x.fromXML(x.toXML(f)), "written and read back unchanged");
    }

    @Test
    void buildRecordsKeepOnlyTheKeyFigures() {
        XStream2 x = new XStream2();
        LabelFigures f = (LabelFigures) x.fromXML(OLD.replace("io.jenkins.plugins.perfgate.KeyFigures",
                LabelFigures.class.getName()));
        String xml = x.toXML(f.keyFiguresOnly());
        assertTrue(!xml.contains("others") && !xml.contains("more"), xml);
        assertTrue(xml.contains("<p95>350.0</p95>"), xml);
    }

    @Test
    void recordsWithTheOtherMetricsInAMapStillRead() {
        XStream2 x = new XStream2();
        String withMap = OLD.replace("io.jenkins.plugins.perfgate.KeyFigures", LabelFigures.class.getName())
                .replace("  <apdex>0.93</apdex>\n", "  <apdex>0.93</apdex>\n  <others enum-type=\"io.jenkins.plugins.perfgate.engine.compare.Metric\">\n"
                        + "    <entry>\n"
                        + "      <io.jenkins.plugins.perfgate.engine.compare.Metric>LATENCY_P95"
                        + "</io.jenkins.plugins.perfgate.engine.compare.Metric>\n      <double>700.0</double>\n"
                        + "    </entry>\n  </others>\n");
        LabelFigures f = (LabelFigures) x.fromXML(withMap);
        assertEquals(700.0, f.get(Metric.LATENCY_P95), withMap);
        assertEquals(350, f.getP95());
        assertTrue(Double.isNaN(f.get(Metric.CONNECT_P95)));
        String again = x.toXML(f);
        assertTrue(!again.contains("others") && again.contains("<more>"), again);
        assertEquals(f, x.fromXML(again), "the array form written and read back unchanged");
    }
}
