using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kayako.Harness.Checking.Rules;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes the report as SARIF 2.1.0 (<c>--sarif</c>), the format GitHub code scanning and other CI systems read: one
/// rule per finding id with its explanation and fix (README "What each finding means"), and one result per finding,
/// its level from the severity, located at the site's URL and, when it is about a step, at the step's JSON path in the
/// configuration (<c>$.sites[2].steps[1]</c>) as a logical location. Every text comes from the report, which is
/// already free of the token.
/// </summary>
public static partial class SarifReportWriter
{
    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>Writes the report to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write (UTF-8).</param>
    public static void Write(CheckReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = RuleDescriptions.All;
        var ruleIndex = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, report, rules);
        WriteInvocation(json, report);
        json.WriteStartArray("results");
        foreach (var site in report.Sites)
        {
            foreach (var finding in site.Findings)
            {
                WriteResult(json, site, finding, ruleIndex.TryGetValue(finding.Rule, out var index) ? index : null);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, CheckReport report, IReadOnlyList<RuleDescription> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "kayako-harness");
        json.WriteString("fullName", "Kayako.Harness check");
        json.WriteString("version", report.HarnessVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            Text(json, "shortDescription", FirstClause(PlainText(rule.Means)));
            Text(json, "fullDescription", PlainText(rule.Means));
            json.WriteStartObject("help");
            json.WriteString("text", $"{PlainText(rule.Means)}. Fix: {PlainText(rule.Fix)}");
            json.WriteString("markdown", $"{WithoutLinks(rule.Means)}.\n\n**Fix:** {WithoutLinks(rule.Fix)}");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The run's notes (no token set, sites cut short) are the tool's notifications about this execution.
    private static void WriteInvocation(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        if (report.StartedAt is { } started)
        {
            json.WriteString("startTimeUtc", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (report.EndedAt is { } ended)
        {
            json.WriteString("endTimeUtc", ended.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (report.Notes.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var note in report.Notes)
            {
                json.WriteStartObject();
                Text(json, "message", note);
                json.WriteString("level", "note");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, SiteResult site, Finding finding, int? ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule);
        if (ruleIndex is { } index)
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(finding.Severity));
        Text(json, "message", site.Repeat?.InRuns(finding) is { } runs ? $"{finding.Message} ({runs}{(site.Flaky ? "; the site is flaky" : "")})" : finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", site.Url.AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        if (finding.Step is { } step)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", StepJsonPath(site, step));
            json.WriteString("kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Count > 1)
        {
            json.WriteNumber("occurrenceCount", finding.Count);
        }

        json.WriteStartObject("properties");
        json.WriteString("site", site.Name);
        if (finding.Cause is not null)
        {
            json.WriteString("cause", finding.Cause);
        }

        if (site.Repeat is { } repeat && finding.Runs is { } inRuns)
        {
            json.WriteNumber("runs", inRuns);
            json.WriteNumber("repeatEach", repeat.Runs);
            json.WriteBoolean("flaky", repeat.Flaky);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The step's path as the configuration gave it; a merged report has no steps, and its sites' indices are their
    /// places in the configuration, which is where the path points.
    /// </summary>
    internal static string StepJsonPath(SiteResult site, int step) =>
        site.Steps.FirstOrDefault(s => s.Step.Index == step)?.Step.JsonPath
        ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.sites[{site.Index}].steps[{step}]");

    private static string Level(Severity severity) => severity == Severity.Error ? "error" : "warning";

    private static void Text(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    // The README's cells link to its own headings, which mean nothing in a CI system's view: keep the words.
    private static string WithoutLinks(string markdown) => Link().Replace(markdown, "$1");

    private static string PlainText(string markdown) => WithoutLinks(markdown).Replace("`", "", StringComparison.Ordinal);

    // A one-line summary: up to the first explanation (a parenthesis, semicolon or colon), as the rule list shows it.
    private static string FirstClause(string text)
    {
        var end = text.IndexOfAny(['(', ';', ':']);
        return (end > 0 ? text[..end] : text).TrimEnd(' ', ',');
    }

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();
}
