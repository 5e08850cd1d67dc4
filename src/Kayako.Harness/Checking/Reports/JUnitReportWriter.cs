using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes a JUnit XML report as CI servers read it: one <c>testcase</c> per site, one <c>failure</c> per
/// error finding (warnings and notes go to <c>system-out</c>). A site played several times (<c>--repeat-each</c>) has
/// <c>properties</c> <c>flaky</c>, <c>runs</c> and <c>failedRuns</c>, and each failure says in how many runs it appeared:
/// a flaky site with an error is a failed test case, as the run's exit code is 1.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>Writes the report to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write (UTF-8).</param>
    public static void Write(CheckReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = report.Sites.Count(s => !s.Passed);
        var suite = new XElement("testsuite",
            new XAttribute("name", "kayako-harness check"),
            new XAttribute("tests", report.Sites.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(report.Duration)),
            report.Sites.Select(TestCase));
        if (report.Notes.Count > 0)
        {
            suite.Add(new XElement("system-out", string.Join(Environment.NewLine, report.Notes)));
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "kayako-harness check"),
                new XAttribute("tests", report.Sites.Count),
                new XAttribute("failures", failures),
                new XAttribute("time", Seconds(report.Duration)),
                suite));
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    private static XElement TestCase(SiteResult site)
    {
        var testCase = new XElement("testcase",
            new XAttribute("name", Clean(site.Name)),
            new XAttribute("classname", "kayako-harness.check"),
            new XAttribute("time", Seconds(site.Duration)));
        if (site.Repeat is { } repeat)
        {
            // CI systems that read properties (Jenkins, GitLab) show them; the failures say it too, for those that do not.
            testCase.Add(new XElement("properties",
                Property("flaky", repeat.Flaky ? "true" : "false"),
                Property("runs", repeat.Runs),
                Property("failedRuns", repeat.FailedRuns.Count)));
        }

        foreach (var finding in site.Findings.Where(f => f.Severity == Severity.Error))
        {
            var repetition = FindingGroups.Repetition(finding);
            if (site.Repeat?.InRuns(finding) is { } runs)
            {
                repetition = (repetition is null ? "" : repetition + ", ") + runs + (site.Flaky ? ", flaky" : "");
            }

            testCase.Add(new XElement("failure",
                new XAttribute("type", finding.Rule),
                new XAttribute("message", $"{finding.Rule}{(repetition is null ? "" : $" ({repetition})")}: {Clean(finding.Message)}"),
                Clean($"{finding.Message}{(finding.Cause is null ? "" : $"{Environment.NewLine}cause: {finding.Cause}")}" +
                      $"{(repetition is null ? "" : $"{Environment.NewLine}happened {repetition}")}")));
        }

        var output = site.Findings.Where(f => f.Severity == Severity.Warning)
            .Select(f => $"warning {f.Rule}{(FindingGroups.Repetition(f) is { } times ? $" ({times})" : "")}{(site.Repeat?.InRuns(f) is { } runs ? $" ({runs})" : "")}: {f.Message}")
            .Concat(site.Notes).Prepend(site.Emulation is { IsDesktopDefault: false } emulation ? $"ran as: {emulation}" : null).Prepend($"url: {site.Url}")
            .OfType<string>().ToList();
        testCase.Add(new XElement("system-out", Clean(string.Join(Environment.NewLine, output))));
        return testCase;
    }

    private static XElement Property(string name, object value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    // XML 1.0 cannot hold most control characters, which a page's error message may contain.
    private static string Clean(string text) => string.Concat(text.Where(XmlConvert.IsXmlChar));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
