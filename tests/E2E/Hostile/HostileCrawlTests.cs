using System.Diagnostics;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Crawling;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// "Every run ends" for a crawl: <c>/crawl-start</c> on the hostile server links to every stuck page (one that never
/// answers, one that answers after 200 s, one whose script never yields while loading, one with a spinning click
/// handler, one flooding errors) and to a calm page that links on to a second calm page. The crawl must walk past the
/// stuck pages within its page bounds, find all eight pages, and check each within the site budget, with the token set
/// and every artifact searched for it afterwards.
/// </summary>
// Its pages keep CPU cores busy until they are stopped: alone, so they slow no other fixture down.
[NonParallelizable]
public sealed class HostileCrawlTests() : HostileSitesFixture("budget")
{
    // Short, so a page that never loads costs seconds: the bound is what is tested, not the default's size. Not
    // shorter: a calm page must still be read in time beside pages that keep a core busy, on a loaded machine.
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(4);

    // Closing a context whose renderer is stuck, and writing the site's result, after the budget ran out (as SiteBudgetTests).
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(6);

    private static readonly string[] ExpectedPaths =
        ["/crawl-start", "/calm", "/never", "/answers-after-200s", "/busy-loading", "/spinning-click", "/error-flood", "/calm/next"];

    private CrawlResult crawl = null!;
    private TimeSpan discovery;
    private InProcessCheck run = null!;
    private int budgetSeconds;

    [OneTimeSetUp]
    public async Task CrawlTheHostileSiteOnceAsync()
    {
        var configuration = Configuration() with { Sites = [] };
        budgetSeconds = configuration.SiteBudgetSeconds;
        var start = new Uri(Server.Origin, "/crawl-start");
        var options = new CheckOptions { Workers = 2, StepTimeout = TimeSpan.FromSeconds(2), Token = Secret.Token, KeepTraces = true };

        // A discovery that hangs must fail the test, not hang it.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var started = Stopwatch.GetTimestamp();
        crawl = await SiteCrawler.DiscoverAsync(start, configuration, new CrawlOptions { MaxPages = 50, PageTimeout = PageTimeout }, options, stop.Token)
            .WaitAsync(TimeSpan.FromSeconds(135));
        discovery = Stopwatch.GetElapsedTime(started);
        stop.IsCancellationRequested.ShouldBeFalse($"the discovery was stopped by the test's deadline after {discovery.TotalSeconds:0.0} s");

        run = await CheckInProcessAsync(crawl.Configuration, TimeSpan.FromSeconds(150));
    }

    [Test]
    public void Discovery_walks_past_every_stuck_page_within_its_page_bounds()
    {
        crawl.Pages.Select(page => page.AbsolutePath).ShouldBe(ExpectedPaths, $"the discovery took {discovery.TotalSeconds:0.0} s");

        // Three levels (the start, its six links, the calm page's link). A level's pages are read two at a time, and a
        // page's read is bounded by twice the page timeout: the second level, with its five stuck pages, sets the bound.
        var bound = PageTimeout * 2 * (1 + 3 + 1) + TimeSpan.FromSeconds(15);
        discovery.ShouldBeLessThanOrEqualTo(bound, $"the discovery took {discovery.TotalSeconds:0.0} s");
    }

    [Test]
    public void Each_crawled_page_is_checked_within_the_site_budget()
    {
        run.Report.Sites.Select(site => site.Url.AbsolutePath).ShouldBe(ExpectedPaths);
        foreach (var site in run.Report.Sites)
        {
            run.WallTimes.ShouldContainKey(site.Name, $"{site.Name} never finished");
            run.WallTimes[site.Name].ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(budgetSeconds) + Margin, site.Name);
        }
    }

    [TestCase("/never", RuleIds.SiteUnreachable)]
    [TestCase("/answers-after-200s", RuleIds.SiteUnreachable)]
    [TestCase("/busy-loading", RuleIds.SiteUnreachable)]
    [TestCase("/error-flood", RuleIds.ScriptError)]
    public void A_stuck_page_gets_the_verdict_a_listed_site_would(string path, string rule)
    {
        var site = run.Report.Sites.Single(s => s.Url.AbsolutePath == path);
        var errors = site.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToList();

        // As for a listed site (SiteBudgetTests): what the page did is found even when the budget also ran out.
        errors.ShouldContain(rule, Describe(site));
        errors.Where(id => id != rule).ShouldAllBe(id => id == RuleIds.SiteTimedOut, Describe(site));
    }

    [TestCase("/crawl-start")]
    [TestCase("/spinning-click")] // a crawl plays no steps: the spinning handler is never clicked
    [TestCase("/calm")]
    [TestCase("/calm/next")]
    public void A_correct_page_passes_whatever_its_neighbours_do(string path)
    {
        var site = run.Report.Sites.Single(s => s.Url.AbsolutePath == path);

        site.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty(Describe(site));
    }

    [Test]
    public void No_artifact_of_the_crawl_holds_the_token()
    {
        var found = Secret.FindInFolder(Folder).ToList();

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private static string Describe(SiteResult site) =>
        $"{site.Url}:{Environment.NewLine}" + string.Join(Environment.NewLine, site.Findings.Take(10).Select(f => $"  {f.Severity} {f.Rule}: {f.Message}"));
}
