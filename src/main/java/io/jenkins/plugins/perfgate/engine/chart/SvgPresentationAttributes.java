package io.jenkins.plugins.perfgate.engine.chart;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites JFreeSVG's {@code style='a:b;c:d'} attributes into SVG presentation attributes ({@code a='b' c='d'}).
 * Jenkins serves archived files under {@code style-src 'self'}, which blocks {@code style} attributes in a
 * document; presentation attributes are not CSS and are never blocked, so the chart looks the same inline, as an
 * {@code <img>} or opened directly. Works on JFreeSVG's own output (single-quoted attributes, already escaped
 * values), not on arbitrary SVG.
 */
final class SvgPresentationAttributes {

    private static final Pattern STYLE = Pattern.compile(" style='([^']*)'");

    /** CSS properties that SVG also accepts as presentation attributes (those JFreeSVG emits and a few more). */
    private static final Set<String> PRESENTATION = Set.of("fill", "fill-opacity", "fill-rule", "stroke",
            "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
            "stroke-dasharray", "stroke-dashoffset", "shape-rendering", "text-rendering", "font-family",
            "font-size", "font-weight", "font-style", "opacity", "clip-rule", "visibility", "display",
            "text-anchor", "dominant-baseline");

    private SvgPresentationAttributes() {
    }

    static String convert(String svg) {
        Matcher m = STYLE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() + svg.length() / 8);
        while (m.find()) {
            m.appendReplacement(out, "");
            for (String declaration : m.group(1).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = declaration.substring(0, colon).trim();
                String value = declaration.substring(colon + 1).trim();
                if (!PRESENTATION.contains(name)) {
                    throw new IllegalStateException("SVG style property without presentation attribute: " + name);
                }
                out.append(' ').append(name).append("='").append(value).append('\'');
            }
        }
        m.appendTail(out);
        return out.toString();
    }
}
