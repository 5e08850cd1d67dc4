using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes the JSON report (its shape: docs/ARCHITECTURE.md, README "Reports"): <c>{ "sites": [ { "name", "url", "findings": [ { "rule", "severity",
/// "message", "cause"?, "step"?, "count"?, "steps"? } ], "index", "durationSeconds", "notes"?, "trace"? } ], "summary": { "sites", "errors",
/// "warnings" }, "notes"?, "run": { "harnessVersion", "configurationHash", "shard", "startedAt", "endedAt", "durationSeconds",
/// "tokenChecked" } }</c>. <c>"notes"</c> appears when the run has something to say (the token not being set).
/// <c>"count"</c> and <c>"steps"</c> (the steps of the first occurrences, <c>null</c> while opening) appear only for a
/// finding that happened more than once. <c>"run"</c> is what <c>merge</c> needs; <see cref="JsonReportReader"/> reads it all back.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>Writes the report to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write (UTF-8).</param>
    public static void Write(CheckReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
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
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
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
