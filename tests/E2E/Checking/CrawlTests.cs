using System.Globalization;
using System.Text;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Crawling;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// <c>check URL --crawl</c> on a 200-page site written at set-up and served by our fixture host: page n links to
/// pages 2n and 2n+1 (so breadth-first order is 1, 2, 3, ...), every page whose number ends in 7 lacks the messenger,
/// page 5 throws, page 3 links to a page that does not exist, and the home page adds a nofollow link, a logout link,
/// a link to another origin, a download, a fragment duplicate and an admin section.
/// </summary>
public sealed class CrawlTests
{
    private const int SitePages = 200;
    private const string Origin = "http://crawl.test/";
    private static readonly Uri Home = new(Origin);
    private string folder = null!;
    private FixtureHost host = null!;

    [OneTimeSetUp]
    public async Task WriteAndServeTheSiteAsync()
    {
        folder = Directory.CreateTempSubdirectory("crawl-site-").FullName;
        File.Copy(RepositoryFixtures.PathOf("pages/kayako-embed.js"), Path.Combine(folder, "kayako-embed.js"));
        Directory.CreateDirectory(Path.Combine(folder, "p"));
        Directory.CreateDirectory(Path.Combine(folder, "admin"));
        Directory.CreateDirectory(Path.Combine(folder, "account"));
        for (var n = 1; n <= SitePages; n++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, PageFile(n)), PageHtml(n));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "admin", "index.html"), Html("admin", embed: true, "<a href=\"/admin/users.html\">Users</a>"));
        await File.WriteAllTextAsync(Path.Combine(folder, "admin", "users.html"), Html("users", embed: true, ""));
        await File.WriteAllTextAsync(Path.Combine(folder, "secret.html"), Html("secret", embed: true, ""));
        await File.WriteAllTextAsync(Path.Combine(folder, "account", "logout.html"), Html("logged out", embed: true, ""));
        host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = FixturePages.FromFolder(folder), Origin = Origin });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static string PageFile(int n) => n == 1 ? "index.html" : $"p/{n.ToString(CultureInfo.InvariantCulture)}.html";

    private static string PagePath(int n) => n == 1 ? "/" : "/" + PageFile(n);

    private static bool HasMessenger(int n) => n % 10 != 7;

    // The links each page has, in document order: what the test's own model of breadth-first order walks.
    private static List<string> Links(int n)
    {
        var links = new List<string>();
        links.AddRange(new[] { 2 * n, 2 * n + 1 }.Where(child => child <= SitePages).Select(PagePath));
        if (n == 1)
        {
            links.AddRange(["/p/2.html#details", "/secret.html", "/account/logout.html", "https://elsewhere.test/", "/files/guide.pdf", "/admin/index.html"]);
        }

        if (n == 3)
        {
            links.Add("/missing.html");
        }

        return links;
    }

    private static string PageHtml(int n)
    {
        var body = new StringBuilder();
        foreach (var link in Links(n))
        {
            var attributes = link == "/secret.html" ? " rel=\"nofollow noopener\"" : "";
            var text = link == "/account/logout.html" ? "Log out" : "Page";
            body.Append(CultureInfo.InvariantCulture, $"<a href=\"{link}\"{attributes}>{text}</a>\n");
        }

        if (n == 5)
        {
            body.Append("<script>throw new Error('page five is broken');</script>\n");
        }

        return Html($"page {n}", HasMessenger(n), body.ToString());
    }

    private static string Html(string title, bool embed, string body) =>
        $"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n" +
        (embed ? "<script src=\"/kayako-embed.js\"></script>\n" : "") + body + "</body></html>\n";

    // Breadth-first over the links the site was written with, with the crawl's skip rules as the test states them.
    private static List<string> ExpectedOrder(Func<string, bool> follow)
    {
        var order = new List<string> { "/" };
        var pages = Enumerable.Range(1, SitePages).ToDictionary(PagePath, n => n);
        for (var i = 0; i < order.Count; i++)
        {
            if (!pages.TryGetValue(order[i], out var n))
            {
                // /missing.html, /admin/...: their own links come from files the model does not walk.
                if (order[i] == "/admin/index.html")
                {
                    order.Add("/admin/users.html");
                }

                continue;
            }

            foreach (var link in Links(n).Select(l => l.Split('#')[0]).Where(l => l.StartsWith('/') && follow(l)))
            {
                if (!order.Contains(link))
                {
                    order.Add(link);
                }
            }
        }

        return order;
    }

    private static bool Default(string path) => path is not ("/secret.html" or "/account/logout.html" or "/files/guide.pdf");

    private CheckOptions Options(int workers = 2) => new() { Workers = workers, StepTimeout = TimeSpan.FromSeconds(3), KeepTraces = false, PrepareContextAsync = host.AttachAsync };

    private Task<CrawlResult> DiscoverAsync(CrawlOptions crawl) =>
        SiteCrawler.DiscoverAsync(Home, HarnessConfigurationReader.ForUrl(Origin), crawl, Options());

    private static List<string> Paths(CrawlResult result) => [.. result.Pages.Select(page => page.PathAndQuery)];

    [Test]
    public async Task Discovery_reports_each_page_as_it_starts_and_ends_being_read()
    {
        var recorder = new Recorder();

        var result = await DiscoverAsync(new CrawlOptions { MaxPages = 40, Progress = recorder });

        // A start and an end per page read, one change at a time: nothing read twice, nothing left out.
        var seen = recorder.Reports;
        seen.Count.ShouldBe(2 * result.Pages.Count);
        (seen[0].PagesRead, seen[0].PagesFound, seen[0].Reading.Single()).ShouldBe((0, 1, Home));
        (seen[^1].PagesRead, seen[^1].PagesFound, seen[^1].Reading.Count).ShouldBe((result.Pages.Count, result.Pages.Count, 0));
        seen.Zip(seen.Skip(1)).ShouldAllBe(pair => pair.Second.PagesRead >= pair.First.PagesRead && pair.Second.PagesFound >= pair.First.PagesFound);
        seen.ShouldAllBe(report => report.Reading.Count <= Options().Workers);
        seen.SelectMany(report => report.Reading).Select(page => page.PathAndQuery).Distinct().ShouldBe(Paths(result), ignoreOrder: true);
    }

    [Test]
    public async Task Every_page_is_found_once_breadth_first_and_each_skip_is_counted()
    {
        var result = await DiscoverAsync(new CrawlOptions { MaxPages = 500 });

        Paths(result).ShouldBe(ExpectedOrder(Default));
        Paths(result).Count.ShouldBe(SitePages + 3); // the 200 pages, /missing.html and the admin section's two
        result.Skipped.ShouldBe(new Dictionary<CrawlSkipReason, int>
        {
            [CrawlSkipReason.NoFollow] = 1, [CrawlSkipReason.Logout] = 1, [CrawlSkipReason.Download] = 1, [CrawlSkipReason.OtherOrigin] = 1,
        });
        result.Found.ShouldBe(SitePages + 3 + 2);
        result.Configuration.Sites.Select(site => site.Name).ShouldBe(Paths(result));
        result.Configuration.Sites.ShouldAllBe(site => site.Steps.Count == 0);
    }

    [Test]
    public async Task Max_pages_keeps_the_first_pages_breadth_first_and_counts_the_rest()
    {
        var result = await DiscoverAsync(new CrawlOptions { MaxPages = 20 });

        Paths(result).ShouldBe(ExpectedOrder(Default).Take(20));
        result.Skipped[CrawlSkipReason.MaxPages].ShouldBeGreaterThan(0);
        result.Summary.ShouldContain($"20 checked, {result.Found - 20} skipped: {result.Skipped[CrawlSkipReason.MaxPages]} beyond --max-pages 20");
    }

    [Test]
    public async Task An_excluded_section_is_neither_checked_nor_walked()
    {
        var result = await DiscoverAsync(new CrawlOptions { MaxPages = 500, Exclude = ["/admin/**"] });

        Paths(result).ShouldBe(ExpectedOrder(path => Default(path) && !path.StartsWith("/admin/", StringComparison.Ordinal)));
        Paths(result).ShouldNotContain("/admin/users.html");
        result.Skipped[CrawlSkipReason.Excluded].ShouldBe(1);
    }

    [Test]
    public async Task Include_keeps_only_matching_pages_besides_the_start()
    {
        var result = await DiscoverAsync(new CrawlOptions { MaxPages = 500, Include = ["/p/{2,3,4}.html"] });

        Paths(result).ShouldBe(["/", "/p/2.html", "/p/3.html", "/p/4.html"]);
        result.Skipped[CrawlSkipReason.Excluded].ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Follow_logout_follows_the_logout_link_and_nofollow_stays_skipped()
    {
        var result = await DiscoverAsync(new CrawlOptions { MaxPages = 10, FollowLogout = true });

        Paths(result).ShouldContain("/account/logout.html");
        Paths(result).ShouldNotContain("/secret.html");
        result.Skipped.ShouldNotContainKey(CrawlSkipReason.Logout);
    }

    [Test]
    public async Task Pages_without_the_messenger_are_one_note_and_a_broken_page_gives_its_finding()
    {
        var found = await DiscoverAsync(new CrawlOptions { MaxPages = 40 });

        var report = await SiteCrawler.CheckAsync(found, Options());

        report.Sites.Select(site => site.Url.PathAndQuery).ShouldBe(Paths(found));
        report.Sites.SelectMany(site => site.Findings).ShouldNotContain(f => f.Rule == RuleIds.MessengerNotLoaded);
        var withoutMessenger = Enumerable.Range(1, SitePages).Where(n => !HasMessenger(n)).Select(PagePath).Where(Paths(found).Contains).ToList();
        withoutMessenger.Count.ShouldBeGreaterThan(1);
        report.Sites.Where(site => site.MessengerMissing).Select(site => site.Url.PathAndQuery).ShouldBe(withoutMessenger);
        report.Notes.ShouldContain(found.Summary);
        report.Notes.ShouldContain(note => note.StartsWith(
            $"{withoutMessenger.Count} of {found.Pages.Count} crawled page(s) did not load the messenger (no embed snippet, or its script never loaded): {Origin}p/7.html, {Origin}p/17.html",
            StringComparison.Ordinal));
        report.Sites.Single(site => site.Name == "/p/5.html").Findings.Select(f => f.Rule).ShouldBe([RuleIds.ScriptError]);
        var missing = report.Sites.Single(site => site.Name == "/missing.html").Findings.ShouldHaveSingleItem();
        missing.Rule.ShouldBe(RuleIds.SiteUnreachable);
        missing.Message.ShouldContain("HTTP 404");
        report.Sites.Where(site => site.Name is not ("/p/5.html" or "/missing.html")).ShouldAllBe(site => site.Passed);
    }

    [Test]
    public async Task Require_messenger_makes_each_page_without_it_an_error()
    {
        var found = await DiscoverAsync(new CrawlOptions { MaxPages = 8, RequireMessenger = true });

        var report = await SiteCrawler.CheckAsync(found, Options());

        report.Sites.Single(site => site.Name == "/p/7.html").Findings.Select(f => f.Rule).ShouldBe([RuleIds.MessengerNotLoaded]);
        report.Sites.ShouldAllBe(site => !site.MessengerMissing);
        report.Notes.ShouldNotContain(note => note.Contains("did not load the messenger", StringComparison.Ordinal));
    }

    private sealed class Recorder : IProgress<CrawlProgress>
    {
        private readonly List<CrawlProgress> reports = [];

        public List<CrawlProgress> Reports
        {
            get
            {
                lock (reports)
                {
                    return [.. reports];
                }
            }
        }

        public void Report(CrawlProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
