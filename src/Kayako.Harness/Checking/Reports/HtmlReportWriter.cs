using System.Globalization;
using System.Net;
using System.Text;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes one self-contained HTML file: the summary, then per site its findings, its steps (with a
/// screenshot, embedded as base64, for each failed one) and the timeline of messenger calls (its first
/// <see cref="MaxTimelineEntries"/> entries). Everything that came from a page or the configuration is HTML-escaped.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>How many timeline entries a site shows: every call of an ordinary page, far fewer than a page in a loop logs.</summary>
    public const int MaxTimelineEntries = 2000;

    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
        h1 { margin-top: 0; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
        th { background: #f6f6f8; } code, .mono { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
        .error { color: #b3261e; font-weight: 600; } .warning { color: #8a5a00; font-weight: 600; } .pass { color: #1b7f3b; font-weight: 600; }
        .note { background: #fff8e1; padding: .5rem .75rem; border-radius: 4px; }
        details { margin: .5rem 0; } img { max-width: 100%; border: 1px solid #ccc; }
        """;

    /// <summary>Writes the report to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write (UTF-8).</param>
    public static void Write(CheckReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>kayako-harness check</title>\n<style>")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>kayako-harness check</h1>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{report.Sites.Count} site(s), <span class=\"error\">{report.Errors} error(s)</span>, <span class=\"warning\">{report.Warnings} warning(s)</span>, in {report.Duration.TotalSeconds:0.0} s.</p>\n");
        foreach (var note in report.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("<table><tr><th>Site</th><th>URL</th><th>Result</th><th>Errors</th><th>Warnings</th></tr>\n");
        for (var i = 0; i < report.Sites.Count; i++)
        {
            var site = report.Sites[i];
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#site-{i}\">{E(site.Name)}</a></td><td class=\"mono\">{E(site.Url.AbsoluteUri)}</td><td>{Verdict(site)}</td><td>{site.Errors}</td><td>{site.Warnings}</td></tr>\n");
        }

        html.Append("</table>\n");
        for (var i = 0; i < report.Sites.Count; i++)
        {
            AppendSite(html, report.Sites[i], i);
        }

        html.Append("</body>\n</html>\n");
        var bytes = new UTF8Encoding(false).GetBytes(html.ToString());
        stream.Write(bytes);
    }

    private static void AppendSite(StringBuilder html, SiteResult site, int index)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"site-{index}\">{E(site.Name)} {Verdict(site)}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"mono\">{E(site.Url.AbsoluteUri)} · {site.Duration.TotalSeconds:0.00} s</p>\n");
        foreach (var note in site.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        if (site.Findings.Count > 0)
        {
            html.Append("<table><tr><th>Severity</th><th>Rule</th><th>Step</th><th>Message</th></tr>\n");
            foreach (var finding in site.Findings)
            {
                var severity = JsonReportWriter.SeverityName(finding.Severity);
                var repetition = FindingGroups.Repetition(finding) is { } times ? $"<br>{E(times)}" : "";
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td class=\"{severity}\">{severity}</td><td><code>{E(finding.Rule)}</code>{(finding.Cause is null ? "" : $"<br>cause: <code>{E(finding.Cause)}</code>")}{repetition}</td>" +
                    $"<td>{finding.Step?.ToString(CultureInfo.InvariantCulture) ?? ""}</td><td>{E(finding.Message)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (site.Steps.Count > 0)
        {
            html.Append("<h3>Steps</h3>\n<table><tr><th>#</th><th>Step</th><th>Outcome</th></tr>\n");
            foreach (var step in site.Steps)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{step.Step.Index}</td><td><code>{E(step.Step.Describe())}</code><br><span class=\"mono\">{E(step.Step.JsonPath)}</span></td><td>{E(step.Outcome.ToString())}{(step.Error is null ? "" : " — " + E(step.Error))}");
                if (step.Screenshot is { } png)
                {
                    html.Append("<details><summary>Screenshot</summary><img alt=\"The page when the step failed\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(png.Span)).Append("\"></details>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<details{(site.Passed ? "" : " open")}><summary>Timeline ({site.Timeline.Count} entries)</summary>\n");
        html.Append("<table><tr><th>#</th><th>ms</th><th>Step</th><th>Kind</th><th>What</th><th>Page</th></tr>\n");
        foreach (var entry in site.Timeline.Take(MaxTimelineEntries))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{entry.Sequence}</td><td>{entry.AtMilliseconds:0}</td><td>{entry.Step?.ToString(CultureInfo.InvariantCulture) ?? "open"}</td><td>{E(entry.Kind)}</td><td class=\"mono\">{E(entry.Text)}</td><td class=\"mono\">{E(entry.PageUrl)}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (site.Timeline.Count > MaxTimelineEntries)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"note\">The other {site.Timeline.Count - MaxTimelineEntries} entries are not shown; a page that repeats itself would make this file too large to open.</p>\n");
        }

        html.Append("</details>\n");
        if (site.TracePath is not null)
        {
            html.Append("<p>Playwright trace: <code>").Append(E(site.TracePath)).Append("</code></p>\n");
        }
    }

    private static string Verdict(SiteResult site) =>
        site.Passed ? "<span class=\"pass\">passed</span>" : "<span class=\"error\">failed</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
