using System.Text;
using System.Xml.Linq;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// Issue 10, "nothing found is lost": sites whose names clean up to the same file name (<c>a/b</c>, <c>a_b</c>,
/// <c>a b</c>, <c>a\b</c>; <c>é</c>, <c>ü</c>, and <c>é</c> decomposed) each fail (an uncaught error on their own page,
/// <c>/named/N</c>) and each keeps its own trace under <c>report.dir/traces/</c>; each report points at that site's
/// file, and the file holds that site's page and no other's.
/// </summary>
public sealed class TraceNameTests() : HostileSitesFixture("names")
{
    private static readonly string[] Names = ["a/b", "a_b", "a b", "a\\b", "é", "ü", "e\u0301"];

    private InProcessCheck run = null!;

    [OneTimeSetUp]
    public async Task RunTheLookAlikeSitesOnceAsync()
    {
        run = await CheckInProcessAsync(Configuration(), TimeSpan.FromSeconds(120));
    }

    public static IEnumerable<TestCaseData> Sites() =>
        Names.Select((name, index) => new TestCaseData(name, index).SetArgDisplayNames(Uri.EscapeDataString(name)));

    [TestCaseSource(nameof(Sites))]
    public void Each_failing_site_keeps_a_trace_under_the_report_folder(string site, int index)
    {
        var result = run.Site(site);

        result.Passed.ShouldBeFalse();
        result.TracePath.ShouldNotBeNull(string.Join(Environment.NewLine, result.Notes));
        File.Exists(result.TracePath).ShouldBeTrue(result.TracePath);
        Path.GetDirectoryName(Path.GetFullPath(result.TracePath)).ShouldBe(Path.Combine(run.ReportDir, "traces"));
    }

    [Test]
    public void Look_alike_names_get_distinct_files()
    {
        var paths = run.Report.Sites.Select(s => s.TracePath).ToList();

        paths.ShouldAllBe(p => p != null);
        paths.Distinct(StringComparer.Ordinal).Count().ShouldBe(Names.Length, string.Join(Environment.NewLine, paths));
        // Distinct on a file system that ignores case or normalises Unicode too (macOS, Windows).
        paths.Select(p => Path.GetFileName(p!).Normalize(NormalizationForm.FormD).ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count().ShouldBe(Names.Length);
        Directory.EnumerateFiles(Path.Combine(run.ReportDir, "traces")).Count().ShouldBe(Names.Length);
    }

    [TestCaseSource(nameof(Sites))]
    public void Each_trace_is_of_its_own_site(string site, int index)
    {
        var text = TraceText(run.Site(site).TracePath!);

        text.ShouldContain($"{Server.Origin}named/{index}");
        for (var other = 0; other < Names.Length; other++)
        {
            if (other != index)
            {
                text.ShouldNotContain($"{Server.Origin}named/{other}");
            }
        }
    }

    [TestCaseSource(nameof(Sites))]
    public void Each_report_points_at_the_sites_own_trace(string site, int index)
    {
        var own = run.Site(site).TracePath!;
        var others = run.Report.Sites.Where(s => s.Name != site).Select(s => s.TracePath!).ToList();

        var testCase = XDocument.Load(run.JUnitPath).Descendants("testcase").Single(t => (string?)t.Attribute("name") == site);
        var junit = testCase.ToString();
        junit.ShouldContain(own);
        others.ShouldAllBe(other => !junit.Contains(other, StringComparison.Ordinal));

        File.ReadAllText(run.HtmlPath).ShouldContain(System.Net.WebUtility.HtmlEncode(own));
        run.Console.ShouldContain(own);
    }

    [Test]
    public void The_html_report_and_the_console_name_each_trace_in_its_own_sites_section()
    {
        // Sections come in site order: every mention of a site's file comes after every mention of the file of the
        // site before it, so none is named in another site's section.
        foreach (var (report, encode) in new (string, Func<string, string>)[]
                 {
                     (File.ReadAllText(run.HtmlPath), System.Net.WebUtility.HtmlEncode),
                     (run.Console, path => path),
                 })
        {
            var mentions = run.Report.Sites.Select(s => Positions(report, encode(s.TracePath!))).ToList();
            mentions.ShouldAllBe(m => m.Count > 0);
            for (var i = 1; i < mentions.Count; i++)
            {
                mentions[i].Min().ShouldBeGreaterThan(mentions[i - 1].Max(), $"{run.Report.Sites[i].Name} after {run.Report.Sites[i - 1].Name}");
            }
        }
    }

    [Test]
    public void No_artifact_of_the_run_holds_the_token()
    {
        var found = Secret.FindInFolder(Folder).ToList();

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    // The text entries of a trace (events, network log): where the page's URL is recorded.
    private static string TraceText(string path) =>
        string.Concat(TokenSearch.Entries(File.ReadAllBytes(path))
            .Where(e => e.Name.EndsWith(".trace", StringComparison.Ordinal) || e.Name.EndsWith(".network", StringComparison.Ordinal))
            .Select(e => Encoding.UTF8.GetString(e.Content)));

    private static List<int> Positions(string text, string value)
    {
        var positions = new List<int>();
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        return positions;
    }
}
