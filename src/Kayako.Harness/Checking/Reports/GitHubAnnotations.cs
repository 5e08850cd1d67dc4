using System.Text;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// GitHub Actions workflow commands for a report, which GitHub shows as annotations on the run: one <c>::error</c>
/// or <c>::warning</c> line per finding (by its severity, titled with its rule and site, its message led by the
/// page's URL) and a <c>::notice</c> per run note. Printed only when <c>GITHUB_ACTIONS</c> is <c>true</c>, as GitHub sets it. Values are escaped as the runner expects, so a message
/// cannot end the command early or start another; every text comes from the report, already free of the token.
/// </summary>
public static class GitHubAnnotations
{
    /// <summary>Whether annotations suit the environment: <c>GITHUB_ACTIONS=true</c>.</summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>), or <see langword="null"/> when unset.</param>
    /// <returns><see langword="true"/> under GitHub Actions.</returns>
    public static bool Enabled(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes a workflow command per finding and per run note.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Standard output, which the runner reads commands from.</param>
    public static void Write(CheckReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var site in report.Sites)
        {
            foreach (var finding in site.Findings)
            {
                var command = finding.Severity == Severity.Error ? "error" : "warning";
                var repetition = (FindingGroups.Repetition(finding) is { } times ? $" ({times})" : "")
                                 + (site.Repeat?.InRuns(finding) is { } runs ? $" ({runs}{(site.Flaky ? ", flaky" : "")})" : "");
                // The page's URL leads, unless the message already names it (an annotation has no file to point at).
                var url = site.Url.AbsoluteUri;
                var message = finding.Message.Contains(url, StringComparison.Ordinal) ? finding.Message : $"{url}: {finding.Message}";
                output.WriteLine(Command(command, $"{finding.Rule} on {site.Name}{(site.Flaky ? " (flaky)" : "")}", message + repetition));
            }
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine(Command("notice", "kayako-harness", note));
        }
    }

    /// <summary>One workflow command: <c>::name title=...::message</c>, the title and message escaped.</summary>
    internal static string Command(string name, string title, string message) =>
        $"::{name} title={EscapeProperty(title)}::{EscapeData(message)}";

    /// <summary>Escapes a command's message: <c>%</c>, carriage return and line feed.</summary>
    internal static string EscapeData(string value) => Escape(value, property: false);

    /// <summary>Escapes a command's property value: as a message, and also <c>:</c> and <c>,</c>, which end a property.</summary>
    internal static string EscapeProperty(string value) => Escape(value, property: true);

    private static string Escape(string value, bool property)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            _ = character switch
            {
                '%' => escaped.Append("%25"),
                '\r' => escaped.Append("%0D"),
                '\n' => escaped.Append("%0A"),
                ':' when property => escaped.Append("%3A"),
                ',' when property => escaped.Append("%2C"),
                _ => escaped.Append(character),
            };
        }

        return escaped.ToString();
    }
}
