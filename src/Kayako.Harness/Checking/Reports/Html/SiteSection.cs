using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Kayako.Harness.Checking.Reports.Html;

/// <summary>
/// One site: its verdict, notes and findings (grouped as <see cref="FindingGroups"/> left them, with how often each
/// happened), its steps with a screenshot of each failed one, the timeline of messenger calls (its first
/// <see cref="HtmlReportWriter.MaxTimelineEntries"/> entries) and where its trace is.
/// </summary>
internal sealed class SiteSection : ComponentBase
{
    /// <summary>The site's result.</summary>
    [Parameter, EditorRequired]
    public SiteResult Site { get; set; } = null!;

    /// <summary>The site's position in the report, which its section's id (<see cref="IdOf"/>) is made of.</summary>
    [Parameter, EditorRequired]
    public int Index { get; set; }

    /// <summary>The id of the section of the site at <paramref name="index"/>, which the sites table links to.</summary>
    public static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"site-{index}");

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.Open("h2");
        builder.Attribute("id", IdOf(Index));
        builder.Text(Site.Name);
        builder.Text(" ");
        builder.Verdict(Site);
        builder.Close(newLine: true);
        builder.Open("p", "mono");
        builder.UrlLink(Site.Url);
        if (Site.Emulation is { } emulation)
        {
            builder.Text(" · ran as ");
            builder.Text(emulation.ToString());
        }

        builder.Text(" · ");
        builder.Text(Site.Duration.TotalSeconds, "0.00");
        builder.Text(" s");
        builder.Close(newLine: true);
        builder.Notes(Site.Notes);
        Findings(builder);
        Steps(builder);
        Timeline(builder);
        if (Site.TracePath is not null)
        {
            builder.Open("p");
            builder.Text("Playwright trace: ");
            builder.Element("code", Site.TracePath);
            builder.Close(newLine: true);
        }
    }

    private void Findings(RenderTreeBuilder builder)
    {
        if (Site.Findings.Count == 0)
        {
            return;
        }

        builder.OpenTable(["Severity", "Rule", "Step", "Message"]);
        foreach (var finding in Site.Findings)
        {
            var severity = JsonReportWriter.SeverityName(finding.Severity);
            builder.Open("tr");
            builder.Cell(severity, severity);
            builder.Open("td");
            builder.Element("code", finding.Rule);
            if (finding.Cause is not null)
            {
                builder.Break();
                builder.Text("cause: ");
                builder.Element("code", finding.Cause);
            }

            if (FindingGroups.Repetition(finding) is { } times)
            {
                builder.Break();
                builder.Text(times);
            }

            if (Site.Repeat?.InRuns(finding) is { } runs)
            {
                builder.Break();
                builder.Text(runs);
            }

            builder.Close();
            builder.Cell(finding.Step?.ToString(CultureInfo.InvariantCulture));
            builder.Cell(finding.Message);
            builder.Close(newLine: true);
        }

        builder.Close(newLine: true);
    }

    private void Steps(RenderTreeBuilder builder)
    {
        if (Site.Steps.Count == 0)
        {
            return;
        }

        builder.Element("h3", "Steps", newLine: true);
        builder.OpenTable(["#", "Step", "Outcome"]);
        foreach (var step in Site.Steps)
        {
            builder.Open("tr");
            builder.Cell(step.Step.Index);
            builder.Open("td");
            builder.Element("code", step.Step.Describe());
            builder.Break();
            builder.Element("span", step.Step.JsonPath, "mono");
            builder.Close();
            builder.Open("td");
            builder.Text(step.Outcome.ToString());
            if (step.Error is not null)
            {
                builder.Text(" — " + step.Error);
            }

            Screenshot(builder, step);

            builder.Close();
            builder.Close(newLine: true);
        }

        builder.Close(newLine: true);
    }

    // The screenshot from the run itself, or from the file a JSON report names (a merged report): a file that is not
    // there (a merge job given the JSON reports without the shards' report.dir) is said so, where the image would be.
    private static void Screenshot(RenderTreeBuilder builder, StepResult step)
    {
        var png = step.Screenshot?.ToArray() ?? (step.ScreenshotPath is { } path ? ScreenshotFiles.TryRead(path) : null);
        if (png is null && step.ScreenshotPath is null)
        {
            return;
        }

        builder.Open("details");
        builder.Element("summary", "Screenshot");
        if (png is not null)
        {
            builder.Open("img");
            builder.Attribute("alt", "The page when the step failed");
            builder.Attribute("src", "data:image/png;base64," + Convert.ToBase64String(png));
            builder.Close();
        }
        else
        {
            builder.Open("p", "note");
            builder.Text("The screenshot file ");
            builder.Element("code", step.ScreenshotPath);
            builder.Text(" is not there: a merge shows the screenshots only with each shard's report.dir laid out as the shard had it, beside the JSON reports.");
            builder.Close();
        }

        builder.Close();
    }

    private void Timeline(RenderTreeBuilder builder)
    {
        builder.Open("details");
        builder.Attribute("open", !Site.Passed);
        builder.Open("summary");
        builder.Text("Timeline (");
        builder.Text(Site.TimelineCount);
        builder.Text(" entries)");
        builder.Close(newLine: true);
        builder.OpenTable(["#", "ms", "Step", "Kind", "What", "Page"]);
        foreach (var entry in Site.Timeline.Take(HtmlReportWriter.MaxTimelineEntries))
        {
            builder.Open("tr");
            builder.Cell(entry.Sequence);
            builder.Cell(entry.AtMilliseconds, "0");
            builder.Cell(entry.Step?.ToString(CultureInfo.InvariantCulture) ?? "open");
            builder.Cell(entry.Kind);
            builder.Cell(entry.Text, "mono");
            builder.Cell(entry.PageUrl, "mono");
            builder.Close(newLine: true);
        }

        builder.Close(newLine: true);
        var shown = Math.Min(Site.Timeline.Count, HtmlReportWriter.MaxTimelineEntries);
        if (Site.TimelineCount > shown)
        {
            builder.Open("p", "note");
            builder.Text("The other ");
            builder.Text(Site.TimelineCount - shown);
            builder.Text(" entries are not shown; a page that repeats itself would make this file too large to open.");
            builder.Close(newLine: true);
        }

        builder.Close(newLine: true);
    }
}
