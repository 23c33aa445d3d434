package io.jenkins.plugins.perfgate.engine.chart;

/** The image formats charts are rendered to: PNG for Jenkins pages and e-mail, SVG for the HTML report. */
public enum ChartFormat {
    PNG("png"),
    SVG("svg");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }
}
