using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Kayako.Harness.Checking.Reports.Html;

/// <summary>The top of the report: the counts, the run's notes and a table of the sites, each linking to its <see cref="SiteSection"/>.</summary>
internal sealed class ReportSummary : ComponentBase
{
    /// <summary>The report to sum up.</summary>
    [Parameter, EditorRequired]
    public CheckReport Report { get; set; } = null!;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.Element("h1", "kayako-harness check", newLine: true);
        builder.Open("p");
        builder.Text(Report.Sites.Count);
        builder.Text(" site(s), ");
        builder.Open("span", "error");
        builder.Text(Report.Errors);
        builder.Text(" error(s)");
        builder.Close();
        builder.Text(", ");
        builder.Open("span", "warning");
        builder.Text(Report.Warnings);
        builder.Text(" warning(s)");
        builder.Close();
        if (Report.RepeatEach > 1)
        {
            builder.Text(", ");
            builder.Open("span", Report.Flaky > 0 ? "error" : null);
            builder.Text(Report.Flaky);
            builder.Text(" flaky");
            builder.Close();
            builder.Text(string.Create(CultureInfo.InvariantCulture, $" (each site played {Report.RepeatEach} times)"));
        }

        builder.Text(", in ");
        builder.Text(Report.Duration.TotalSeconds, "0.0");
        builder.Text(" s.");
        builder.Close(newLine: true);
        builder.Notes(Report.Notes);
        builder.OpenTable(["Site", "URL", "Result", "Errors", "Warnings"]);
        for (var i = 0; i < Report.Sites.Count; i++)
        {
            var site = Report.Sites[i];
            builder.Open("tr");
            builder.Open("td");
            builder.LocalLink(SiteSection.IdOf(i), site.Name);
            builder.Close();
            builder.Open("td", "mono");
            builder.UrlLink(site.Url);
            builder.Close();
            builder.Open("td");
            builder.Verdict(site);
            builder.Close();
            builder.Cell(site.Errors);
            builder.Cell(site.Warnings);
            builder.Close(newLine: true);
        }

        builder.Close(newLine: true);
    }
}
