package io.jenkins.plugins.perfgate.engine.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Renders a chart to PNG or SVG bytes. Draws into a {@link BufferedImage} or JFreeSVG's {@link SVGGraphics2D}, never
 * a screen device, so it works with {@code java.awt.headless=true}. Uses only JFreeChart API present in 1.0.19 (the
 * version Jenkins core ships), see docs/architecture.md.
 */
public final class ChartRenderer {

    /** Largest side accepted, in pixels: a guard against absurd sizes from user input. */
    public static final int MAX_SIDE = 8000;

    private ChartRenderer() {
    }

    public static byte[] render(JFreeChart chart, ChartFormat format, int width, int height) {
        return switch (format) {
            case PNG -> png(chart, width, height);
            case SVG -> svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
        };
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A standalone SVG document. Styling is carried by presentation attributes instead of {@code style}
     * attributes (see {@link SvgPresentationAttributes}), so the chart renders even where a strict
     * Content-Security-Policy forbids inline styles.
     */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("pg" + Integer.toHexString(System.identityHashCode(chart)));
        SvgNumbers numbers = new SvgNumbers(); // the same text, each distinct number formatted once
        g2.setGeomDoubleConverter(numbers);
        g2.setTransformDoubleConverter(numbers);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        // no DOCTYPE (getSVGDocument() names an external DTD, which secure XML parsers refuse); a viewBox lets the
        // image scale with the page
        String element = g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgPresentationAttributes.convert(element) + "\n";
    }

    private static void checkSize(int width, int height) {
        if (width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("chart size must be 16.." + MAX_SIDE + " px per side, was "
                    + width + "x" + height);
        }
    }
}
