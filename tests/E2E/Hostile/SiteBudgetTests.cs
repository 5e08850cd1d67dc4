using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// Issue 10, "every site ends": one run, token set, two workers, over fixtures/sites/hostile/budget.config.json
/// (<c>siteBudgetSeconds</c>: 8): a server that never answers, one that answers after 200 s, a page stuck in
/// <c>while (true) {}</c> while loading, a click handler that never returns, a page throwing thousands of errors, an
/// honest site whose steps take longer than the budget, a site that fails in 7 s and hangs when visited again (as
/// the trace of a failing site replays it), and a calm site. Each site ends within its budget (plus a
/// margin for closing a stuck page), a site that ran out says so with <c>site-timed-out</c>, and every report names
/// every site.
/// </summary>
// Its pages keep CPU cores busy until they are stopped: alone, so they slow no other fixture down.
[NonParallelizable]
public sealed partial class SiteBudgetTests() : HostileSitesFixture("budget")
{
    private const int BudgetSeconds = 8;

    // The rule id by its name, not RuleIds.SiteTimedOut: these tests compile before the rule exists.
    private const string SiteTimedOut = "site-timed-out";

    // Closing a context whose renderer is stuck, and writing the site's result, after the budget ran out.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(BudgetSeconds);

    private static readonly string[] SiteNames =
        ["never-answers", "answers-after-200s", "busy-while-loading", "spinning-click", "error-flood", "slow-but-honest", "replay-hangs", "calm"];

    private HarnessConfiguration configuration = null!;
    private InProcessCheck run = null!;

    [OneTimeSetUp]
    public async Task RunTheHostileSitesOnceAsync()
    {
        configuration = Configuration();
        run = await CheckInProcessAsync(configuration, TimeSpan.FromSeconds(150));
    }

    public static IEnumerable<TestCaseData> Sites() => SiteNames.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [Test]
    public void The_configuration_sets_the_budget_the_tests_assume()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(HostileServer.Folder, "budget.config.json")));
        json.RootElement.GetProperty("siteBudgetSeconds").GetInt32().ShouldBe(BudgetSeconds);
        configuration.Sites.Select(s => s.Name).ShouldBe(SiteNames);
    }

    [TestCaseSource(nameof(Sites))]
    public void Each_site_ends_within_its_budget(string site)
    {
        TestContext.Out.WriteLine(Describe(site));
        run.WallTimes.ShouldContainKey(site);
        var wall = run.WallTimes[site];

        wall.ShouldBeLessThanOrEqualTo(Budget + Margin, Describe(site));
        run.Site(site).Duration.ShouldBeLessThanOrEqualTo(Budget + Margin, Describe(site));
    }

    [TestCaseSource(nameof(Sites))]
    public void Each_hostile_site_fails_and_the_calm_one_passes(string site)
    {
        var result = run.Site(site);

        if (site == "calm")
        {
            result.Findings.ShouldBeEmpty(Describe(site));
        }
        else
        {
            result.Errors.ShouldBeGreaterThan(0, Describe(site));
        }
    }

    [Test]
    public void A_site_reported_as_timed_out_did_run_for_its_whole_budget_and_says_what_was_pending()
    {
        var timedOut = SiteNames
            .Select(site => (Site: site, Findings: run.Site(site).Findings.Where(f => f.Rule == SiteTimedOut).ToList()))
            .Where(site => site.Findings.Count > 0)
            .ToList();

        timedOut.ShouldNotBeEmpty("the hostile sites that never end must be timed out");
        foreach (var (site, findings) in timedOut)
        {
            var finding = findings.ShouldHaveSingleItem(Describe(site));
            finding.Severity.ShouldBe(Severity.Error);
            run.WallTimes[site].ShouldBeGreaterThanOrEqualTo(Budget - TimeSpan.FromMilliseconds(100), Describe(site));
            finding.Message.ShouldContain("pending", Case.Insensitive, Describe(site));
        }
    }

    // The honest site's twelve pages answer in 1.5 s each: only the budget can end it, in the middle of a step.
    [Test]
    public void A_site_whose_steps_outlast_the_budget_is_timed_out_at_the_step_that_was_running()
    {
        var definition = configuration.Sites.Single(s => s.Name == "slow-but-honest");
        var finding = run.Site("slow-but-honest").Findings.Where(f => f.Rule == SiteTimedOut).ShouldHaveSingleItem(Describe("slow-but-honest"));

        var step = StepIndex().Match(finding.Message);
        step.Success.ShouldBeTrue($"the message names no step: {finding.Message}");
        var index = int.Parse(step.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        index.ShouldBeInRange(0, definition.Steps.Count - 1);
        finding.Message.ShouldContain($"{definition.JsonPath}.steps[{index}]", Case.Sensitive, finding.Message);
        finding.Message.ShouldContain($"/honest/slow?step={index}", Case.Sensitive, finding.Message);
        finding.Step.ShouldBe(index);
    }

    // Its verdict takes about 7 s (a 5.5 s load, then an expectation that waits 1 s and fails); replaying it for a
    // trace would hang. With the replay on a budget of its own, the site takes about 15 s. The replay is part of the site's run:
    // the site still ends within its budget, and keeps its finding.
    [Test]
    public void A_failing_sites_trace_replay_is_within_its_budget()
    {
        run.WallTimes["replay-hangs"].ShouldBeLessThanOrEqualTo(Budget + Margin, Describe("replay-hangs"));
        run.Site("replay-hangs").Findings.Select(f => f.Rule).ShouldContain(RuleIds.ScriptError, Describe("replay-hangs"));
    }

    [Test]
    public void What_a_site_found_before_its_budget_ran_out_is_kept()
    {
        // The honest page throws once while loading, long before the budget runs out.
        run.Site("slow-but-honest").Findings.Select(f => f.Rule).ShouldContain(RuleIds.ScriptError, Describe("slow-but-honest"));
    }

    // With a 2 s step timeout a load gives up after three step timeouts, 6 s, before the 8 s budget: that the page
    // never loaded was found in time, and must not be replaced by a report of whatever was pending when the budget ran out.
    [TestCase("never-answers")]
    [TestCase("answers-after-200s")]
    [TestCase("busy-while-loading")]
    public void A_page_that_never_loaded_is_reported_as_such_even_when_the_budget_ran_out(string site)
    {
        run.Site(site).Findings.Select(f => f.Rule).ShouldContain(RuleIds.SiteUnreachable, Describe(site));
    }

    [Test]
    public void The_run_takes_about_as_long_as_its_sites_side_by_side()
    {
        // Eight sites on two workers: four rounds at most, each within a budget and its margin, and the browser's start.
        run.RunTime.ShouldBeLessThanOrEqualTo(4 * (Budget + Margin) + TimeSpan.FromSeconds(15));
    }

    [Test]
    public void Every_report_names_every_site()
    {
        run.Report.Sites.Select(s => s.Name).ShouldBe(SiteNames);

        using var json = JsonDocument.Parse(File.ReadAllBytes(run.JsonPath));
        json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(SiteNames);

        XDocument.Load(run.JUnitPath).Descendants("testcase").Select(t => (string?)t.Attribute("name")).ShouldBe(SiteNames);

        var html = File.ReadAllText(run.HtmlPath);
        foreach (var site in SiteNames)
        {
            html.ShouldContain(WebUtility.HtmlEncode(site));
            run.Console.ShouldContain(site);
        }
    }

    [Test]
    public void Each_timed_out_site_is_a_failure_in_every_report()
    {
        var timedOut = run.Report.Sites.Where(s => s.Findings.Any(f => f.Rule == SiteTimedOut)).Select(s => s.Name).ToList();
        timedOut.ShouldNotBeEmpty();

        using var json = JsonDocument.Parse(File.ReadAllBytes(run.JsonPath));
        var jsonSites = json.RootElement.GetProperty("sites").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList());
        var junit = XDocument.Load(run.JUnitPath).Descendants("testcase")
            .ToDictionary(t => (string)t.Attribute("name")!, t => t.Elements("failure").Select(f => (string?)f.Attribute("type")).ToList());
        foreach (var site in timedOut)
        {
            jsonSites[site].ShouldContain(SiteTimedOut, site);
            junit[site].ShouldContain(SiteTimedOut, site);
        }

        File.ReadAllText(run.HtmlPath).ShouldContain(SiteTimedOut);
        run.Console.ShouldContain(SiteTimedOut);
    }

    // Issue 10, "findings grouped": the same error thrown thousands of times is one finding, and reports stay small.
    [Test]
    public void A_page_throwing_in_a_loop_gives_few_findings_and_small_reports()
    {
        var flood = run.Site("error-flood");

        flood.Findings.Count(f => f.Rule == RuleIds.ScriptError).ShouldBeInRange(1, 3, Describe("error-flood"));
        // The findings stay small; the timeline the JSON report carries for the HTML report is cut where the HTML cuts it.
        using (var json = JsonDocument.Parse(File.ReadAllBytes(run.JsonPath)))
        {
            json.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "error-flood")
                .GetProperty("findings").GetRawText().Length.ShouldBeLessThan(64 * 1024);
        }

        new FileInfo(run.JsonPath).Length.ShouldBeLessThan(2 * 1024 * 1024);
        new FileInfo(run.JUnitPath).Length.ShouldBeLessThan(256 * 1024);
        new FileInfo(run.HtmlPath).Length.ShouldBeLessThan(2 * 1024 * 1024);
        run.Console.Length.ShouldBeLessThan(64 * 1024);
    }

    [Test]
    public void No_artifact_of_the_run_holds_the_token()
    {
        var found = Secret.FindInFolder(Folder).ToList();

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private string Describe(string site)
    {
        var result = run.Site(site);
        var wall = run.WallTimes.TryGetValue(site, out var time) ? $"{time.TotalSeconds:0.0} s" : "never finished";
        return $"{site}: {wall} (budget {BudgetSeconds} s); findings:{Environment.NewLine}" +
               string.Join(Environment.NewLine, result.Findings.Take(20).Select(f => $"  {f.Rule}: {f.Message}")) +
               (result.Findings.Count > 20 ? $"{Environment.NewLine}  ... {result.Findings.Count - 20} more" : "") +
               (result.Notes.Count == 0 ? "" : Environment.NewLine + "notes:" + Environment.NewLine + string.Join(Environment.NewLine, result.Notes.Select(n => "  " + n)));
    }

    [GeneratedRegex(@"\bstep (\d+) \(")]
    private static partial Regex StepIndex();
}
