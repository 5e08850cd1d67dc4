using System.Globalization;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Console output: a line per site as it finishes (none as it starts), then each failing site's findings and a summary
/// table. Plain text (no colour) when the output is not a terminal, under CI, or with <c>NO_COLOR</c>.
/// </summary>
public sealed class ConsoleReporter : ICheckProgress
{
    private readonly TextWriter output;
    private readonly bool colour;
    private readonly Lock gate = new();

    /// <summary>Creates a reporter.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="colour">Whether to use ANSI colours.</param>
    public ConsoleReporter(TextWriter output, bool colour)
    {
        this.output = output;
        this.colour = colour;
    }

    /// <summary>Whether colours suit the current console: a terminal, not CI, no <c>NO_COLOR</c>.</summary>
    /// <returns><see langword="true"/> when colours help.</returns>
    public static bool ColourSuitsConsole() =>
        !Console.IsOutputRedirected &&
        Environment.GetEnvironmentVariable("CI") is null &&
        Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <inheritdoc />
    public void SiteFinished(SiteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Flaky
            ? Paint("FLAKY", result.Passed ? "33" : "31")
            : result.Passed
                ? Paint("PASS", "32")
                : Paint("FAIL", "31");
        var runs = result.Repeat is { } repeat ? $"{repeat.Describe()}; " : "";
        lock (gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verdict} {result.Name}{As(result)} ({runs}{result.Errors} error(s), {result.Warnings} warning(s), {result.Duration.TotalSeconds:0.00} s)"));
        }
    }

    /// <summary>Writes each site's findings and the summary table.</summary>
    /// <param name="report">The finished report.</param>
    public void WriteSummary(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var site in report.Sites.Where(s => s.Findings.Count > 0 || s.Notes.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{site.Name}{As(site)} — {site.Url}");
            foreach (var finding in site.Findings)
            {
                var severity = finding.Severity == Severity.Error ? Paint("error", "31") : Paint("warning", "33");
                var repetition = (FindingGroups.Repetition(finding) is { } times ? $", {times}" : "") + (site.Repeat?.InRuns(finding) is { } runs ? $", {runs}" : "");
                output.WriteLine($"  {severity} {finding.Rule}{(finding.Cause is null ? "" : $" (cause: {finding.Cause})")}{repetition}");
                output.WriteLine($"    {finding.Message}");
            }

            foreach (var note in site.Notes)
            {
                output.WriteLine($"  note: {note}");
            }
        }

        output.WriteLine();
        var nameWidth = Math.Max(4, report.Sites.Count == 0 ? 0 : report.Sites.Max(s => s.Name.Length));
        output.WriteLine($"{"Site".PadRight(nameWidth)}  Result  Errors  Warnings  Time");
        foreach (var site in report.Sites)
        {
            var result = site.Flaky ? Paint("FLAKY ", site.Passed ? "33" : "31") : site.Passed ? Paint("pass  ", "32") : Paint("FAIL  ", "31");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{site.Name.PadRight(nameWidth)}  {result}  {site.Errors,6}  {site.Warnings,8}  {site.Duration.TotalSeconds,5:0.00} s"));
        }

        output.WriteLine();
        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        var flaky = report.RepeatEach > 1 ? string.Create(CultureInfo.InvariantCulture, $", {report.Flaky} flaky (each site played {report.RepeatEach} times)") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Sites.Count} site(s), {report.Errors} error(s), {report.Warnings} warning(s){flaky} in {report.Duration.TotalSeconds:0.0} s"));
    }

    // A site that ran as anything but a plain desktop Chromium says so: "account as iPhone 13 (390×664, scale 3, mobile, touch)".
    private static string As(SiteResult site) => site.Emulation is { IsDesktopDefault: false } emulation ? $" as {emulation}" : "";

    private string Paint(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
