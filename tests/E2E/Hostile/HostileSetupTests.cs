using System.Diagnostics;
using System.Text.Json;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// "Every run ends" for a sign-in set-up (<c>setup</c>): a set-up whose page never answers, whose script never yields
/// while loading, or whose button's click handler spins. Each run must end within the site budget, and every site must
/// be reported, not checked signed out, with why; the token is set and every artifact is searched for it afterwards.
/// </summary>
// Its pages keep CPU cores busy until they are stopped: alone, so they slow no other fixture down.
[NonParallelizable]
public sealed class HostileSetupTests() : HostileSitesFixture("budget")
{
    private const int BudgetSeconds = 8;

    // Closing a context whose renderer is stuck after the budget ran out, and the browser's start.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    // Each stuck page, and what the sites' findings must say the set-up ran into (with 2 s steps, inside the 8 s budget).
    private static readonly Dictionary<string, string> SetUpPages = new(StringComparer.Ordinal)
    {
        ["/never"] = "was not checked: the set-up could not open {origin}/never ($.setup.url): the page did not load",
        ["/busy-loading"] = "was not checked: the set-up could not open {origin}/busy-loading ($.setup.url): the page did not load",
        ["/spinning-click"] = "was not checked: the set-up's step 0 (click \"#spin\") ($.setup.steps[0]) failed:",
    };

    private readonly Dictionary<string, (InProcessCheck Run, TimeSpan Wall)> runs = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task RunEachStuckSetUpAsync()
    {
        // One after another: each run is its own browser, and two spinning pages at once would only measure the machine.
        foreach (var path in SetUpPages.Keys)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Folder, path.Trim('/'))).FullName;
            var started = Stopwatch.GetTimestamp();
            var run = await CheckInProcessAsync(Configuration(path), TimeSpan.FromSeconds(60), folder);
            runs[path] = (run, Stopwatch.GetElapsedTime(started));
        }
    }

    public static IEnumerable<TestCaseData> Pages() => SetUpPages.Keys.Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [TestCaseSource(nameof(Pages))]
    public void The_run_ends_within_the_site_budget(string path)
    {
        runs[path].Wall.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(BudgetSeconds) + Margin, path);
    }

    [TestCaseSource(nameof(Pages))]
    public void Every_site_is_reported_as_not_checked_and_says_where_the_set_up_stopped(string path)
    {
        var report = runs[path].Run.Report;

        report.Sites.Select(site => site.Name).ShouldBe(["calm", "calm-next"]);
        foreach (var site in report.Sites)
        {
            var finding = site.Findings.ShouldHaveSingleItem($"{path}: {site.Name}");
            finding.Rule.ShouldBe(RuleIds.SiteUnreachable);
            finding.Message.ShouldContain(SetUpPages[path].Replace("{origin}", Server.Origin.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal));
        }
    }

    [Test]
    public void No_artifact_of_the_runs_holds_the_token()
    {
        var found = Secret.FindInFolder(Folder).ToList();

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private HarnessConfiguration Configuration(string path)
    {
        var origin = Server.Origin.AbsoluteUri.TrimEnd('/');
        var json = JsonSerializer.Serialize(new
        {
            siteBudgetSeconds = BudgetSeconds,
            setup = new { url = origin + path, steps = new object[] { new { click = "#spin" } } },
            sites = new object[]
            {
                new { name = "calm", url = origin + "/calm", steps = Array.Empty<object>() },
                new { name = "calm-next", url = origin + "/calm/next", steps = Array.Empty<object>() },
            },
        });
        return HarnessConfigurationReader.Parse(json, $"hostile set-up at {path}");
    }
}
