package io.jenkins.plugins.perfgate.engine.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;
import org.junit.jupiter.api.Test;

/** A chart's numbers, formatted once each, read exactly as JFreeSVG's own formatting writes them. */
class SvgNumbersTest {

    @Test
    void everyNumberIsWrittenAsJFreeSvgWritesIt() {
        SvgNumbers numbers = new SvgNumbers();
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.1, 760.0, 319.99999999999994, 1e-7, 1e21, Double.MIN_VALUE,
            Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        SplittableRandom random = new SplittableRandom(21);
        for (int round = 0; round < 2; round++) { // the second round is answered from the cache
            for (double v : special) {
                assertEquals(SVGUtils.doubleToString(v), numbers.apply(v), "value " + v);
            }
            SplittableRandom r = random.split();
            for (int i = 0; i < 20_000; i++) {
                double v = i % 2 == 0 ? r.nextDouble() * 800 : Double.longBitsToDouble(r.nextLong());
                assertEquals(SVGUtils.doubleToString(v), numbers.apply(v), "value " + v);
            }
        }
        assertEquals("-0.0", numbers.apply(-0.0), "-0.0 is not 0.0");
        assertEquals("0.0", numbers.apply(0.0));
    }

    @Test
    void aChartIsTheSameSvgAsWithJFreeSvgsDefaultFormatting() {
        RunSummary summary = SyntheticRuns.run(3, 1.0, true);
        for (JFreeChart chart : new JFreeChart[] {OverTimeCharts.p95(summary, 3), OverTimeCharts.throughput(summary)}) {
            // ChartRenderer.svg without the converter: JFreeSVG's default, RyuDouble for every number
            SVGGraphics2D g2 = new SVGGraphics2D(760, 320);
            g2.setDefsKeyPrefix("pg" + Integer.toHexString(System.identityHashCode(chart)));
            chart.draw(g2, new Rectangle2D.Double(0, 0, 760, 320));
            String plain = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgPresentationAttributes.convert(
                    g2.getSVGElement(null, true, new ViewBox(0, 0, 760, 320), null, null)) + "\n";
            assertEquals(plain, ChartRenderer.svg(chart, 760, 320));
        }
    }
}
