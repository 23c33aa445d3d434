package io.jenkins.plugins.perfgate.engine.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.ui.RectangleEdge;

/**
 * The one look of every perfgate chart: white background, light grid, a colour-blind-safe palette (Okabe-Ito) and
 * the logical SansSerif font, which exists on every JVM (headless Linux included).
 */
public final class ChartStyle {

    /** Series colours in order of use. */
    static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), // blue
        new Color(0xD5, 0x5E, 0x00), // vermillion
        new Color(0x00, 0x9E, 0x73), // bluish green
        new Color(0xCC, 0x79, 0xA7), // reddish purple
        new Color(0xE6, 0x9F, 0x00), // orange
        new Color(0x56, 0xB4, 0xE9), // sky blue
        new Color(0x59, 0x59, 0x59), // grey
    };

    static final Color FAILED = new Color(0xC6, 0x28, 0x28);
    static final Color UNSTABLE = new Color(0xE6, 0x9F, 0x00);
    static final Color ABORTED = new Color(0x75, 0x75, 0x75);
    static final Color BASELINE = new Color(0x2E, 0x7D, 0x32);
    static final Color THRESHOLD = new Color(0xC6, 0x28, 0x28);
    static final Color CHANGE_POINT = new Color(0x6A, 0x1B, 0x9A);
    static final Color RELEASE_TAG = new Color(0x9E, 0x9E, 0x9E);

    static final Stroke LINE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Stroke DOTTED = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private ChartStyle() {
    }

    static Paint seriesColor(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Applies the common look to an XY chart made by perfgate. */
    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPaint(new Color(0x21, 0x21, 0x21));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL_FONT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
            plot.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
            plot.setDomainGridlineStroke(new BasicStroke(0.8f));
            plot.setRangeGridlineStroke(new BasicStroke(0.8f));
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                styleAxis(plot.getDomainAxis(i));
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                styleAxis(plot.getRangeAxis(i));
            }
        }
        return chart;
    }

    private static void styleAxis(org.jfree.chart.axis.ValueAxis axis) {
        if (axis != null) {
            axis.setLabelFont(LABEL_FONT);
            axis.setTickLabelFont(TICK_FONT);
            axis.setAxisLineVisible(false);
        }
    }
}
