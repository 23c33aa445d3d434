package io.jenkins.plugins.perfgate.engine.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.TextAnchor;

/**
 * A build-number axis whose only ticks are the release-tagged builds, labelled with their tags. Drawn along the top
 * of a trend chart, above the ordinary build-number axis. Tags that would overlap the previous one are left out, so
 * a long history stays readable.
 */
final class ReleaseTagAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    private static final int GAP_PX = 6;

    private final TreeMap<Long, String> tags;

    ReleaseTagAxis(Map<Long, String> tags) {
        super(null);
        this.tags = new TreeMap<>(tags);
        setTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        double lastRight = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Long, String> tag : tags.entrySet()) {
            double value = tag.getKey();
            if (!getRange().contains(value)) {
                continue;
            }
            double x = valueToJava2D(value, dataArea, edge);
            double half = metrics.stringWidth(tag.getValue()) / 2.0;
            if (x - half < lastRight + GAP_PX) {
                continue;
            }
            lastRight = x + half;
            TextAnchor anchor = RectangleEdge.isTopOrBottom(edge) && edge == RectangleEdge.TOP
                    ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
            ticks.add(new NumberTick(value, tag.getValue(), anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseTagAxis other && tags.equals(other.tags) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + tags.hashCode();
    }

}
