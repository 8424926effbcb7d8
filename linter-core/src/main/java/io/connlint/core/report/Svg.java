package io.connlint.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inline SVG charts of the HTML report: a stacked bar against limits, and a timeline of
 * durations against one limit. Every chart is {@code role="img"} with a {@code <title>} and a
 * {@code <desc>} that say in words what it shows; colours come from the report's stylesheet and
 * the over-limit part is hatched as well as red, so it does not rely on colour alone.
 */
final class Svg {

    static final int WIDTH = 760;
    /** 12 px system-ui text is about this wide per character; used to decide whether a label fits. */
    private static final double CHAR_WIDTH = 6.8;

    private Svg() {
    }

    /** A part of a stacked bar. */
    record Segment(String label, String shortLabel, double value, String cssClass) {
    }

    /** A vertical line at a value: the limit, or the configured value the server cuts. */
    record Marker(double value, String label, boolean dashed) {
    }

    /**
     * A stacked bar: the segments from zero, a headroom box up to the first marker when the sum
     * stays below it, and the part above the first marker hatched red and labelled as overflow.
     *
     * @param id       unique in the page (for aria-labelledby)
     * @param title    the chart's accessible name
     * @param desc     its text alternative
     * @param segments the parts, in order
     * @param limit    the limit (the first marker), or null when there is none
     * @param others   further markers (e.g. the configured value before a cut)
     * @param headroom the headroom label, when below the limit
     * @param overflow the overflow label, when above it
     */
    static String bar(String id, String title, String desc, List<Segment> segments, Marker limit, List<Marker> others,
                      String headroom, String overflow) {
        double sum = segments.stream().mapToDouble(Segment::value).sum();
        double max = Math.max(sum, limit == null ? 0 : limit.value());
        for (Marker m : others) {
            max = Math.max(max, m.value());
        }
        if (max <= 0) {
            max = 1;
        }
        double left = 10;
        double width = WIDTH - 20;
        double scale = width / max;
        int barY = 40;
        int barH = 36;
        int height = 118;
        StringBuilder s = new StringBuilder();
        open(s, id, title, desc, height);
        double x = left;
        List<String> labels = new ArrayList<>();
        for (Segment seg : segments) {
            double w = seg.value() * scale;
            if (w <= 0) {
                continue;
            }
            s.append("<rect class=\"").append(seg.cssClass()).append("\" x=\"").append(n(x)).append("\" y=\"")
                    .append(barY).append("\" width=\"").append(n(w)).append("\" height=\"").append(barH)
                    .append("\"><title>").append(Html.esc(seg.label())).append("</title></rect>");
            String text = fits(seg.label(), w) ? seg.label() : fits(seg.shortLabel(), w) ? seg.shortLabel() : null;
            if (text != null) {
                labels.add(text(x + w / 2, barY + barH / 2.0 + 4, "middle", "seg-label", text));
            }
            x += w;
        }
        if (limit != null) {
            double lx = left + limit.value() * scale;
            if (sum < limit.value() && headroom != null) {
                double w = lx - x;
                s.append("<rect class=\"headroom\" x=\"").append(n(x)).append("\" y=\"").append(barY)
                        .append("\" width=\"").append(n(w)).append("\" height=\"").append(barH).append("\"/>");
                if (fits(headroom, w)) {
                    labels.add(text(x + w / 2, barY + barH / 2.0 + 4, "middle", "seg-label", headroom));
                }
            }
            if (sum > limit.value() && overflow != null) {
                double w = x - lx;
                s.append("<rect class=\"over-hatch\" x=\"").append(n(lx)).append("\" y=\"").append(barY)
                        .append("\" width=\"").append(n(w)).append("\" height=\"").append(barH).append("\"/>");
                s.append("<rect class=\"overflow\" x=\"").append(n(lx)).append("\" y=\"").append(barY + barH + 4)
                        .append("\" width=\"").append(n(w)).append("\" height=\"16\"/>");
                boolean inside = fits(overflow, w);
                labels.add(text(inside ? lx + w / 2 : lx - 4, barY + barH + 30, inside ? "middle" : "end",
                        "over-label", overflow));
            }
        }
        if (limit != null) {
            // what the server cuts: from the value it runs with up to the configured one, above the bar
            for (Marker m : others) {
                if (m.dashed() && m.value() > limit.value()) {
                    double lx = left + limit.value() * scale;
                    s.append("<rect class=\"cut\" x=\"").append(n(lx)).append("\" y=\"").append(barY - 8)
                            .append("\" width=\"").append(n((m.value() - limit.value()) * scale))
                            .append("\" height=\"5\"/>");
                }
            }
        }
        s.append(String.join("", labels));
        int labelY = 30;
        if (limit != null) {
            marker(s, left + limit.value() * scale, limit, labelY, barY, barH);
        }
        for (Marker m : others) {
            labelY -= 16;
            marker(s, left + m.value() * scale, m, labelY, barY, barH);
        }
        return s.append("</svg>").toString();
    }

    private static void marker(StringBuilder s, double x, Marker m, int labelY, int barY, int barH) {
        s.append("<line class=\"").append(m.dashed() ? "marker dashed" : "marker").append("\" x1=\"").append(n(x))
                .append("\" x2=\"").append(n(x)).append("\" y1=\"").append(labelY + 3).append("\" y2=\"")
                .append(barY + barH + 4).append("\"/>");
        boolean right = x > WIDTH / 2.0;
        s.append(text(right ? x - 4 : x + 4, labelY, right ? "end" : "start", "marker-label", m.label()));
    }

    /** One row of a timeline: a duration, or none (disabled) or infinite. */
    record Row(String name, double value, boolean infinite, String valueLabel) {
    }

    /**
     * Horizontal bars from zero, one per row, against a vertical line at {@code limit}; the part
     * of a bar beyond the limit is hatched red. Infinite values run to the right edge.
     */
    static String timeline(String id, String title, String desc, List<Row> rows, Double limit, String limitLabel) {
        double max = limit == null ? 0 : limit * 1.25;
        for (Row r : rows) {
            if (!r.infinite() && r.value() > 0) {
                max = Math.max(max, r.value() * 1.08);
            }
        }
        if (max <= 0) {
            max = 1;
        }
        double left = 170;
        double width = WIDTH - left - 120;
        double scale = width / max;
        int rowH = 28;
        int top = 28;
        int height = top + rows.size() * rowH + 8;
        StringBuilder s = new StringBuilder();
        open(s, id, title, desc, height);
        int y = top;
        for (Row r : rows) {
            s.append(text(left - 8, y + 16, "end", "row-label", r.name()));
            double w = r.infinite() ? width + 10 : Math.min(r.value(), max) * scale;
            if (w > 0) {
                s.append("<rect class=\"time\" x=\"").append(n(left)).append("\" y=\"").append(y + 4)
                        .append("\" width=\"").append(n(w)).append("\" height=\"18\"/>");
                if (limit != null && (r.infinite() || r.value() >= limit)) {
                    double lx = left + limit * scale;
                    s.append("<rect class=\"over-time\" x=\"").append(n(lx)).append("\" y=\"").append(y + 4)
                            .append("\" width=\"").append(n(left + w - lx)).append("\" height=\"18\"/>");
                }
            }
            s.append(text(left + Math.max(w, 0) + 6, y + 17, "start", "value-label", r.valueLabel()));
            y += rowH;
        }
        if (limit != null) {
            double lx = left + limit * scale;
            s.append("<line class=\"marker\" x1=\"").append(n(lx)).append("\" x2=\"").append(n(lx))
                    .append("\" y1=\"").append(top - 10).append("\" y2=\"").append(y).append("\"/>");
            s.append(text(lx + 4, top - 12, "start", "marker-label", limitLabel));
        }
        return s.append("</svg>").toString();
    }

    private static void open(StringBuilder s, String id, String title, String desc, int height) {
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(Html.esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(Html.esc(desc)).append("</desc>");
    }

    private static String text(double x, double y, String anchor, String cssClass, String text) {
        return "<text class=\"" + cssClass + "\" x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\">"
                + Html.esc(text) + "</text>";
    }

    private static boolean fits(String label, double width) {
        return label != null && label.length() * CHAR_WIDTH + 8 <= width;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
