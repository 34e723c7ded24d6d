using System.Globalization;
using System.Net;
using System.Text;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// The pieces of the self-contained HTML pages (<c>report</c>, <c>sweep</c>): escaping of every piece of data, one
/// colour and one pattern per verdict (the same everywhere, and readable without colour), and inline SVG charts.
/// No external script, style or font.
/// </summary>
internal static class Html
{
    /// <summary>The verdicts in severity order, then <c>Invalid</c>, with a colour and a fill pattern each.</summary>
    public static readonly (string Name, string Colour, string Pattern)[] Verdicts =
    [
        (nameof(Verdict.Excluded), "#6b1f1f", "solid"),
        (nameof(Verdict.Ineligible), "#c0392b", "diagonal"),
        (nameof(Verdict.Deferred), "#e67e22", "dots"),
        (nameof(Verdict.Indeterminate), "#7f8c8d", "cross"),
        (nameof(Verdict.EligibleElectricityOnly), "#2e86c1", "vertical"),
        (nameof(Verdict.Eligible), "#27ae60", "horizontal"),
        (ResultWriter.InvalidVerdict, "#8e44ad", "grid"),
    ];

    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(long part, long whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The page around a body: inline style that prints well, and the SVG patterns of the verdicts.</summary>
    public static string Page(string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Escape(title)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}");
        html.Append("table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}");
        html.Append("svg text{font-size:11px;font-family:system-ui,sans-serif}.legend span{display:inline-block;margin-right:1rem}.meta{color:#555}");
        html.Append("@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}</style></head>\n<body>\n");
        html.Append(Patterns());
        html.Append(body);
        html.Append("\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>A legend of the verdicts: colour swatch, pattern and name.</summary>
    public static string Legend()
    {
        var html = new StringBuilder("<p class=\"legend\">");
        foreach (var (name, _, pattern) in Verdicts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><svg width=\"14\" height=\"14\" role=\"img\" aria-label=\"{name}\"><rect width=\"14\" height=\"14\" fill=\"url(#p-{pattern})\" stroke=\"#333\"/></svg> {name}</span>");
        }

        return html.Append("</p>").ToString();
    }

    /// <summary>
    /// Horizontal stacked bars, one per row of <paramref name="rows"/>, each split by verdict (in <see cref="Verdicts"/>
    /// order) with the count written on every segment wide enough to hold it, and the total at the end.
    /// </summary>
    public static string StackedBars(string id, string title, IReadOnlyList<(string Label, long[] Counts)> rows)
    {
        const int labelWidth = 190;
        const int barWidth = 560;
        const int rowHeight = 24;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Counts.Sum()));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" width=\"{labelWidth + barWidth + 80}\" height=\"{(rows.Count * rowHeight) + 10}\" role=\"img\" aria-label=\"{Escape(title)}\"><title>{Escape(title)}</title>");
        for (var r = 0; r < rows.Count; r++)
        {
            var (label, counts) = rows[r];
            var y = (r * rowHeight) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\">{Escape(Shorten(label))}</text>");
            double x = labelWidth;
            for (var v = 0; v < counts.Length && v < Verdicts.Length; v++)
            {
                if (counts[v] == 0)
                {
                    continue;
                }

                var width = barWidth * (double)counts[v] / max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{Math.Max(width, 1):0.#}\" height=\"{rowHeight - 6}\" fill=\"url(#p-{Verdicts[v].Pattern})\" stroke=\"#fff\"><title>{Escape(label)}: {Verdicts[v].Name} {Number(counts[v])}</title></rect>");
                if (width > 34)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:0.#}\" y=\"{y + 13}\" fill=\"#fff\" stroke=\"#000\" stroke-width=\".25\">{Number(counts[v])}</text>");
                }

                x += width;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"{y + 14}\">{Number(counts.Sum())}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";

    /// <summary>One fill pattern per verdict, in its colour, so the charts read in print and without colour.</summary>
    private static string Patterns()
    {
        var svg = new StringBuilder("<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>");
        foreach (var (_, colour, pattern) in Verdicts)
        {
            var mark = pattern switch
            {
                "diagonal" => "<path d=\"M0,8 L8,0\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
                "dots" => "<circle cx=\"4\" cy=\"4\" r=\"1.5\" fill=\"#fff\"/>",
                "cross" => "<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#fff\" stroke-width=\"1\"/>",
                "vertical" => "<path d=\"M4,0 L4,8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
                "horizontal" => "<path d=\"M0,4 L8,4\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
                "grid" => "<path d=\"M4,0 L4,8 M0,4 L8,4\" stroke=\"#fff\" stroke-width=\"1\"/>",
                _ => string.Empty,
            };
            svg.Append(CultureInfo.InvariantCulture, $"<pattern id=\"p-{pattern}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"{colour}\"/>{mark}</pattern>");
        }

        return svg.Append("</defs></svg>\n").ToString();
    }
}
