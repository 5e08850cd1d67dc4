using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes the JSON report (its shape: docs/ARCHITECTURE.md, README "Reports"): <c>{ "sites": [ { "name", "url", "findings": [ { "rule", "severity",
/// "message", "cause"?, "step"?, "count"?, "steps"?, "runs"? } ], "index", "durationSeconds", "notes"?, "trace"?, "repeat"?, "emulation"?, "steps": [ { "index",
/// "jsonPath", "action", "logout"?, "outcome", "error"?, "screenshot"? } ], "timelineEntries", "timeline": [ { "sequence",
/// "atMilliseconds", "step", "kind", "text", "pageUrl" } ] } ], "summary": { "sites", "errors", "warnings" }, "notes"?, "run": { "harnessVersion", "configurationHash", "shard", "startedAt", "endedAt", "durationSeconds",
/// "tokenChecked", "repeatEach"? } }</c>. With <c>--repeat-each N</c> (N above 1), a site has <c>"repeat": { "runs", "failedRuns",
/// "flaky", "shownRun" }</c>, each finding <c>"runs"</c> (in how many runs it appeared), and <c>"run"</c> <c>"repeatEach"</c>. <c>"notes"</c> appears when the run has something to say (the token not being set).
/// <c>"count"</c> and <c>"steps"</c> (the steps of the first occurrences, <c>null</c> while opening) appear only for a
/// finding that happened more than once. A site's <c>"steps"</c> and <c>"timeline"</c> (its first
/// <see cref="HtmlReportWriter.MaxTimelineEntries"/> entries of <c>"timelineEntries"</c>) are what the HTML report shows;
/// <c>"screenshot"</c> is the file a failed step's screenshot was kept in. <c>"emulation"</c> is what the site's browser pretended to be
/// (device, viewport, locale, time zone, colour scheme; <see cref="EmulationJson"/>). <c>"run"</c> is what <c>merge</c> needs; <see cref="JsonReportReader"/> reads it all back.
/// </summary>
public static class JsonReportWriter
{
    // Every character a string may hold is written as itself but the few JSON must escape: the report reads as text.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the report to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write (UTF-8).</param>
    public static void Write(CheckReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, Options with { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("sites");
        foreach (var site in report.Sites)
        {
            json.WriteStartObject();
            json.WriteString("name", site.Name);
            json.WriteString("url", site.Url.AbsoluteUri);
            json.WriteStartArray("findings");
            foreach (var finding in site.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.Rule);
                json.WriteString("severity", SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                if (finding.Cause is not null)
                {
                    json.WriteString("cause", finding.Cause);
                }

                if (finding.Step is { } step)
                {
                    json.WriteNumber("step", step);
                }

                if (finding.Count > 1)
                {
                    json.WriteNumber("count", finding.Count);
                    json.WriteStartArray("steps");
                    foreach (var occurrence in finding.OccurrenceSteps)
                    {
                        if (occurrence is { } index)
                        {
                            json.WriteNumberValue(index);
                        }
                        else
                        {
                            json.WriteNullValue();
                        }
                    }

                    json.WriteEndArray();
                }

                if (finding.Runs is { } runs)
                {
                    json.WriteNumber("runs", runs);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("index", site.Index);
            json.WriteNumber("durationSeconds", Seconds(site.Duration));
            WriteStrings(json, "notes", site.Notes);
            if (site.TracePath is { } trace)
            {
                json.WriteString("trace", trace);
            }

            if (site.Repeat is { } repeat)
            {
                json.WriteStartObject("repeat");
                json.WriteNumber("runs", repeat.Runs);
                json.WriteStartArray("failedRuns");
                foreach (var run in repeat.FailedRuns)
                {
                    json.WriteNumberValue(run);
                }

                json.WriteEndArray();
                json.WriteBoolean("flaky", repeat.Flaky);
                json.WriteNumber("shownRun", repeat.ShownRun);
                json.WriteEndObject();
            }
            EmulationJson.Write(json, site.Emulation);

            WriteSteps(json, site.Steps);
            WriteTimeline(json, site);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("sites", report.Sites.Count);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteEndObject();
        WriteStrings(json, "notes", report.Notes);
        WriteRun(json, report);
        json.WriteEndObject();
    }

    // What the HTML report shows of each step, so a merged report can show it too.
    private static void WriteSteps(Utf8JsonWriter json, IReadOnlyList<StepResult> steps)
    {
        json.WriteStartArray("steps");
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteNumber("index", step.Step.Index);
            json.WriteString("jsonPath", step.Step.JsonPath);
            json.WriteString("action", step.Step.Action);
            if (step.Step.IsLogout)
            {
                json.WriteBoolean("logout", true);
            }

            json.WriteString("outcome", OutcomeName(step.Outcome));
            if (step.Error is { } error)
            {
                json.WriteString("error", error);
            }

            if (step.ScreenshotPath is { } screenshot)
            {
                json.WriteString("screenshot", screenshot);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // The entries the HTML report shows (the first MaxTimelineEntries) and how many there were.
    private static void WriteTimeline(Utf8JsonWriter json, SiteResult site)
    {
        json.WriteNumber("timelineEntries", site.TimelineCount);
        json.WriteStartArray("timeline");

        // An entry a line: a long timeline stays a third of the size it would be indented, and reads as the HTML table does.
        var buffer = new ArrayBufferWriter<byte>();
        using var line = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder });
        foreach (var entry in site.Timeline.Take(HtmlReportWriter.MaxTimelineEntries))
        {
            buffer.ResetWrittenCount();
            line.Reset();
            line.WriteStartObject();
            line.WriteNumber("sequence", entry.Sequence);
            line.WriteNumber("atMilliseconds", entry.AtMilliseconds);
            if (entry.Step is { } step)
            {
                line.WriteNumber("step", step);
            }
            else
            {
                line.WriteNull("step");
            }

            line.WriteString("kind", entry.Kind);
            line.WriteString("text", entry.Text);
            line.WriteString("pageUrl", entry.PageUrl);
            line.WriteEndObject();
            line.Flush();
            json.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        }

        json.WriteEndArray();
    }

    /// <summary>How the JSON report names a step's outcome: <c>passed</c>, <c>failed</c> or <c>not-run</c>.</summary>
    internal static string OutcomeName(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Passed => "passed",
        StepOutcome.Failed => "failed",
        _ => "not-run",
    };

    // Milliseconds are plenty for a report, and keep the numbers short.
    internal static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);

    private static void WriteRun(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartObject("run");
        json.WriteString("harnessVersion", report.HarnessVersion);
        WriteNullable(json, "configurationHash", report.ConfigurationHash);
        if (report.Shard is { } shard)
        {
            json.WriteStartObject("shard");
            json.WriteNumber("index", shard.Index);
            json.WriteNumber("count", shard.Count);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("shard");
        }

        WriteNullable(json, "startedAt", report.StartedAt?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        WriteNullable(json, "endedAt", report.EndedAt?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("durationSeconds", Seconds(report.Duration));
        json.WriteBoolean("tokenChecked", report.TokenChecked);
        if (report.RepeatEach > 1)
        {
            json.WriteNumber("repeatEach", report.RepeatEach);
        }

        json.WriteEndObject();
    }

    // A string, or null written out: the report's optional strings are always present.
    internal static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    // Written only when there is something in it, as the run's notes always were.
    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The lower-case severity name reports use: <c>error</c> or <c>warning</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name.</returns>
    public static string SeverityName(Severity severity) => severity == Severity.Error ? "error" : "warning";
}
