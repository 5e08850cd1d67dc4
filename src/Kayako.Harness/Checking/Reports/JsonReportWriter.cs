using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes the JSON report (its shape: docs/ARCHITECTURE.md, README "Reports"): <c>{ "sites": [ { "name", "url", "findings": [ { "rule", "severity",
/// "message", "cause"?, "step"?, "count"?, "steps"? } ] } ], "summary": { "sites", "errors", "warnings" } }</c>, plus
/// <c>"notes"</c> when the run has something to say (the token not being set). <c>"count"</c> and <c>"steps"</c>
/// (the steps of the first occurrences, <c>null</c> while opening) appear only for a finding that happened more than once.
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
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("sites", report.Sites.Count);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteEndObject();
        if (report.Notes.Count > 0)
        {
            json.WriteStartArray("notes");
            foreach (var note in report.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The lower-case severity name reports use: <c>error</c> or <c>warning</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name.</returns>
    public static string SeverityName(Severity severity) => severity == Severity.Error ? "error" : "warning";
}
