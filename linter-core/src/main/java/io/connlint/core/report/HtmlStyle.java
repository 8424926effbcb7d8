package io.connlint.core.report;

/** The HTML report's stylesheet and the SVG definitions every chart of the page shares. */
final class HtmlStyle {

    static final String STYLE = """
            .connlint-report{--ink:#111111;--muted:#444444;--error:#b3261e;--warning:#7a4a00;--info:#1f5f99;
              color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:62rem;margin:0 auto;padding:1rem}
            .connlint-report h1{font-size:1.6rem;margin:.2rem 0}
            .connlint-report h2{font-size:1.3rem;border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
            .connlint-report h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
            .connlint-report h4{font-size:1rem;margin:1rem 0 .3rem}
            .connlint-report figure{margin:.4rem 0 1rem;break-inside:avoid}
            .connlint-report figcaption{font-weight:600;margin-bottom:.2rem}
            .connlint-report svg.chart{max-width:100%;height:auto;display:block}
            .connlint-report table{border-collapse:collapse;margin:.3rem 0 .8rem;font-size:.9rem}
            .connlint-report th,.connlint-report td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}
            .connlint-report td.num,.connlint-report th.num{text-align:right;font-variant-numeric:tabular-nums}
            .connlint-report .swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #555;margin-right:.3em;vertical-align:-.1em}
            .connlint-report .note{color:var(--muted)}
            .connlint-report .cl-over{color:var(--error);font-weight:600}
            .connlint-report .sev{display:inline-block;color:#fff;border-radius:3px;padding:0 .4em;font-size:.85rem;font-weight:600}
            .connlint-report .sev-error{background:var(--error)}
            .connlint-report .sev-warning{background:var(--warning)}
            .connlint-report .sev-info{background:var(--info)}
            .connlint-report ul.findings{list-style:none;padding-left:0}
            .connlint-report ul.findings>li{border-left:4px solid #bbb;padding:.3rem .7rem;margin:.6rem 0;break-inside:avoid}
            .connlint-report ul.findings>li.error{border-color:var(--error)}
            .connlint-report ul.findings>li.warning{border-color:var(--warning)}
            .connlint-report ul.findings>li.info{border-color:var(--info)}
            .connlint-report pre{background:#f4f4f4;padding:.4rem .6rem;white-space:pre-wrap;margin:.3rem 0}
            .connlint-report a{color:#0b4f9c}
            .connlint-report summary{cursor:pointer;font-weight:600}
            .connlint-report svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#111}
            .connlint-report svg .app0,.connlint-report .swatch.app0{fill:#9ecae1;background:#9ecae1}
            .connlint-report svg .app1,.connlint-report .swatch.app1{fill:#a1d99b;background:#a1d99b}
            .connlint-report svg .app2,.connlint-report .swatch.app2{fill:#fdd0a2;background:#fdd0a2}
            .connlint-report svg .app3,.connlint-report .swatch.app3{fill:#cbc9e2;background:#cbc9e2}
            .connlint-report svg .app4,.connlint-report .swatch.app4{fill:#f2d16b;background:#f2d16b}
            .connlint-report svg .app5,.connlint-report .swatch.app5{fill:#a6dfd9;background:#a6dfd9}
            .connlint-report svg rect[class^=app],.connlint-report svg .reserved,.connlint-report svg .mem-server,.connlint-report svg .mem-threads,.connlint-report svg .mem-tables{stroke:#fff;stroke-width:1}
            .connlint-report svg .reserved,.connlint-report .swatch.reserved{fill:#d0d0d0;background:#d0d0d0}
            .connlint-report svg .mem-server,.connlint-report .swatch.mem-server{fill:#bcd4e6;background:#bcd4e6}
            .connlint-report svg .mem-threads,.connlint-report .swatch.mem-threads{fill:#f5c48c;background:#f5c48c}
            .connlint-report svg .mem-tables,.connlint-report .swatch.mem-tables{fill:#d9c2e8;background:#d9c2e8}
            .connlint-report svg .headroom,.connlint-report .swatch.headroom{fill:#fff;background:#fff;stroke:#555;stroke-dasharray:4 3}
            .connlint-report svg .over-hatch{fill:url(#connlint-hatch);stroke:var(--error);stroke-width:2}
            .connlint-report svg .overflow,.connlint-report .swatch.overflow{fill:var(--error);background:var(--error)}
            .connlint-report svg .over-label{fill:var(--error);font-weight:700}
            .connlint-report svg .cut{fill:#767676}
            .connlint-report svg .marker{stroke:#111;stroke-width:2}
            .connlint-report svg .marker.dashed{stroke-dasharray:5 3;stroke:#555}
            .connlint-report svg .marker-label{font-weight:600}
            .connlint-report svg .time{fill:#9ecae1}
            .connlint-report svg .over-time{fill:url(#connlint-hatch);stroke:var(--error);stroke-width:1.5}
            .connlint-report svg .value-label{font-weight:600}
            .connlint-report .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
            @media print{
              .connlint-report{max-width:none;padding:0;font-size:11pt}
              .connlint-report *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
              .connlint-report a{color:inherit}
              .connlint-report a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}
              .connlint-report details::details-content{content-visibility:visible;display:block}
              .connlint-report h2,.connlint-report h3{break-after:avoid}
              .connlint-report nav{display:none}
            }
            """;
    /** One hatch pattern for every chart, defined once in the page. */
    static final String DEFS = "<svg width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\""
            + " style=\"position:absolute\"><defs><pattern id=\"connlint-hatch\" width=\"8\" height=\"8\""
            + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b3261e\""
            + " stroke-width=\"2.5\"/></pattern></defs></svg>";

    private HtmlStyle() {
    }
}
