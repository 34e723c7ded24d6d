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
        html.Append("td.lenient{background:#fbe3e0}td.strict{background:#e3edf9}");
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

    /// <summary>Horizontal bars of one colour with the count and share written at the end of each.</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, long Count)> rows, long whole)
    {
        const int labelWidth = 190;
        const int barWidth = 480;
        const int rowHeight = 20;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" width=\"{labelWidth + barWidth + 140}\" height=\"{(rows.Count * rowHeight) + 10}\" role=\"img\" aria-label=\"{Escape(title)}\"><title>{Escape(title)}</title>");
        for (var r = 0; r < rows.Count; r++)
        {
            var (label, count) = rows[r];
            var y = (r * rowHeight) + 4;
            var width = barWidth * (double)count / max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 12}\">{Escape(Shorten(label))}</text><rect x=\"{labelWidth}\" y=\"{y}\" width=\"{Math.Max(width, 1):0.#}\" height=\"{rowHeight - 5}\" fill=\"#34495e\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 4:0.#}\" y=\"{y + 12}\">{Number(count)} ({Percent(count, whole)})</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Columns per month, stacked by verdict, with the version in force drawn behind each run of months (an inferred
    /// era dashed and marked "inferred") and every column's total written above it.
    /// </summary>
    public static string Timeline(string id, string title, IReadOnlyList<(NodaTime.YearMonth Month, long[] Counts, (string Label, bool Inferred)? Version)> months)
    {
        const int left = 50;
        const int top = 34;
        const int height = 220;
        var column = months.Count > 60 ? 8 : 16;
        var width = left + (months.Count * column) + 20;
        var max = Math.Max(1, months.Count == 0 ? 1 : months.Max(m => m.Counts.Sum()));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" width=\"{Math.Max(width, 300)}\" height=\"{top + height + 40}\" role=\"img\" aria-label=\"{Escape(title)}\"><title>{Escape(title)}</title>");
        for (var start = 0; start < months.Count;)
        {
            var version = months[start].Version;
            var end = start;
            while (end + 1 < months.Count && Equals(months[end + 1].Version, version))
            {
                end++;
            }

            var x = left + (start * column);
            var w = (end - start + 1) * column;
            var (label, inferred) = version ?? ("unresolved", false);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"version-band\" x=\"{x}\" y=\"{top - 20}\" width=\"{w}\" height=\"{height + 20}\" fill=\"{(version is null ? "#fafafa" : inferred ? "#fdf2e9" : "#eef3f8")}\" stroke=\"#999\"{(inferred ? " stroke-dasharray=\"4 2\"" : string.Empty)}><title>{Escape(label)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 2}\" y=\"{top - 8}\">{Escape(label)}{(inferred ? " (inferred)" : string.Empty)}</text>");
            start = end + 1;
        }

        for (var m = 0; m < months.Count; m++)
        {
            var (month, counts, _) = months[m];
            var x = left + (m * column) + 1;
            double y = top + height;
            for (var v = 0; v < counts.Length && v < Verdicts.Length; v++)
            {
                if (counts[v] == 0)
                {
                    continue;
                }

                var h = height * (double)counts[v] / max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y:0.#}\" width=\"{column - 2}\" height=\"{Math.Max(h, 0.5):0.#}\" fill=\"url(#p-{Verdicts[v].Pattern})\"><title>{month.Year:D4}-{month.Month:D2}: {Verdicts[v].Name} {Number(counts[v])}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y - 2:0.#}\" font-size=\"8\">{Number(counts.Sum())}</text>");
            if (month.Month == 1 || m == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top + height + 14}\">{month.Year:D4}-{month.Month:D2}</text>");
            }
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
