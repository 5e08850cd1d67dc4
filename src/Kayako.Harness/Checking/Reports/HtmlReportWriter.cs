using System.Text;
using Kayako.Harness.Checking.Reports.Html;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes one self-contained HTML file: the summary, then per site its findings, its steps (with a
/// screenshot, embedded as base64, for each failed one) and the timeline of messenger calls (its first
/// <see cref="MaxTimelineEntries"/> entries). Everything in it that came from a report is rendered by ASP.NET Core's
/// <see cref="HtmlRenderer"/>, which encodes every text and attribute value: what a page or the configuration put in
/// a string is shown as that string, never run as markup or script, and only an http, https or file URL becomes a link.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>How many timeline entries a site shows: every call of an ordinary page, far fewer than a page in a loop logs.</summary>
    public const int MaxTimelineEntries = 2000;

    // The frame of the page, the same for every report: constants, so nothing in them can come from a page.
    private const string Top = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>kayako-harness check</title><style>
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
        h1 { margin-top: 0; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
        th { background: #f6f6f8; } code, .mono { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
        .error { color: #b3261e; font-weight: 600; } .warning { color: #8a5a00; font-weight: 600; } .pass { color: #1b7f3b; font-weight: 600; }
        .note { background: #fff8e1; padding: .5rem .75rem; border-radius: 4px; }
        details { margin: .5rem 0; } img { max-width: 100%; border: 1px solid #ccc; }
        </style></head>
        <body>

        """;

    private const string Bottom = "</body>\n</html>\n";

    /// <summary>Writes the report to a stream, as UTF-8 without a byte order mark.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="cancellationToken">Stops the write between sites.</param>
    public static async Task WriteAsync(CheckReport report, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);

        // The renderer asks its services only for optional ones (a component activator, say); it needs none.
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Top.AsMemory(), cancellationToken);
        await RenderAsync<ReportSummary>(services, writer, new() { [nameof(ReportSummary.Report)] = report }, cancellationToken);
        for (var i = 0; i < report.Sites.Count; i++)
        {
            await RenderAsync<SiteSection>(services, writer, new() { [nameof(SiteSection.Site)] = report.Sites[i], [nameof(SiteSection.Index)] = i }, cancellationToken);
        }

        await writer.WriteAsync(Bottom.AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    // One part of the page, rendered by a renderer of its own and written straight from the render tree: a renderer
    // keeps every tree it built until it is disposed, so a report of many long timelines is never in memory whole.
    private static async Task RenderAsync<TComponent>(
        IServiceProvider services, TextWriter writer, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The tree belongs to the renderer's dispatcher: it is read there, and written out before anything else can run.
            var part = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            part.WriteHtmlTo(writer);
        });
    }
}
