package io.jenkins.plugins.perfgate.engine.chart;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.jfree.svg.SVGUtils;

/**
 * The numbers of one chart's SVG (coordinates, sizes, transforms) as JFreeSVG writes them by default
 * ({@link SVGUtils#doubleToString}), each distinct number formatted once: a chart repeats the same few hundred
 * coordinates (grid lines, axes, ticks) some thousand times, and in a cold process C2 compiled JFreeSVG's large
 * formatting method (once or twice, ~50-140 ms of compiler time) while the report was written.
 */
final class SvgNumbers implements DoubleFunction<String> {

    private final Map<Double, String> texts = new HashMap<>();

    @Override
    public String apply(double value) {
        return texts.computeIfAbsent(value, SVGUtils::doubleToString);
    }
}
