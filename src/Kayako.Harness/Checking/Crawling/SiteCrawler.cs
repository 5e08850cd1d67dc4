using System.Globalization;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking.Crawling;

/// <summary>
/// <c>check URL --crawl</c> in two phases. <see cref="DiscoverAsync"/> walks same-origin links breadth-first from a
/// page, as the browser rendered it (links read with locators, never with page script), up to
/// <see cref="CrawlOptions.MaxPages"/>; <see cref="CheckAsync"/> checks every page found as a site with no steps,
/// with the run's workers, through <see cref="CheckRunner"/>. Every crawl ends: pages are bounded, and each page's
/// load is too.
/// </summary>
public static class SiteCrawler
{
    // A page with more links than this is read up to here: a crawl is bounded per page as well as in pages.
    private const int MaxLinksPerPage = 2_000;

    // Link texts are only looked at for a sign-out word.
    private const int MaxLinkText = 200;

    // Pages named in the note about pages without the messenger.
    private const int NamedPages = 5;

    // How long closing the discovery browser may take: a renderer stuck in a page must not hold the crawl.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Finds the pages to check, starting at <paramref name="start"/>.</summary>
    /// <param name="start">An absolute http(s) URL; it is always checked, whatever the globs say.</param>
    /// <param name="configuration">Its browser, messenger and report sections are used; its sites are not.</param>
    /// <param name="crawl">Which links to follow and how far.</param>
    /// <param name="options">The workers (pages read at once) and the context hook (<see cref="CheckOptions.PrepareContextAsync"/>) come from here.</param>
    /// <param name="cancellationToken">Stops the crawl; the pages found so far are returned.</param>
    /// <returns>The pages found, and the configuration that checks them.</returns>
    /// <exception cref="ConfigurationException">The crawl options or the start URL cannot be used (<see cref="CrawlOptions.Problems"/>); nothing was started.</exception>
    /// <exception cref="BrowserNotFoundException">No Chromium was found, or it would not start.</exception>
    /// <exception cref="RemoteBrowserException">The browser of <c>browser.connect</c> could not be connected to in time.</exception>
    public static async Task<CrawlResult> DiscoverAsync(Uri start, HarnessConfiguration configuration, CrawlOptions crawl, CheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(crawl);
        ArgumentNullException.ThrowIfNull(options);
        var problems = crawl.Problems().ToList();
        if (!start.IsAbsoluteUri || start.Scheme is not ("http" or "https"))
        {
            problems.Insert(0, new ConfigurationProblem("URL", $"\"{start}\" is not an absolute http or https URL; give one like https://staging.example.com/."));
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException("the command line", problems);
        }

        var frontier = new Frontier(CrawlLinks.Normalise(start), crawl);
        var probe = configuration with { Sites = [new SiteDefinition(CrawlLinks.SiteName(start), frontier.Start, [], "URL")] };
        var connect = configuration.Browser.Connect;
        var executable = connect is null ? ChromiumLocator.Locate(configuration.Browser.ExecutablePath, configuration.Browser.Headless) : null;
        using var playwright = await Playwright.CreateAsync();

        // Links are read as the configuration's device sees the pages: a phone layout may link elsewhere.
        var emulation = DeviceEmulation.Resolve(configuration, playwright.Devices);
        await using var demo = DemoSite.IsUsedBy(probe) ? await DemoSite.StartAsync(options.Token, cancellationToken) : null;
        IBrowser? browser = null;
        try
        {
            browser = connect is not null
                ? await RemoteBrowser.ConnectAsync(playwright, connect, cancellationToken)
                : await CheckRunner.LaunchAsync(playwright, executable!, configuration.Browser.Headless, cancellationToken);
            await DeviceEmulation.CheckWithBrowserAsync(browser, probe, cancellationToken);
            await using var site = await SiteContext.OpenAsync(browser, configuration, WithHost(options, demo), emulation.Run, scriptRelease: null, cancellationToken);
            site.Context.SetDefaultTimeout((float)crawl.PageTimeout.TotalMilliseconds);
            site.Context.SetDefaultNavigationTimeout((float)crawl.PageTimeout.TotalMilliseconds);
            var level = new List<Uri> { frontier.Start };
            var progress = new DiscoveryCount(crawl.Progress, frontier);
            while (level.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                var links = new (Uri Base, IReadOnlyList<CrawlLink> Links)?[level.Count];
                try
                {
                    await Parallel.ForEachAsync(Enumerable.Range(0, level.Count),
                        new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Workers), CancellationToken = cancellationToken },
                        async (i, token) =>
                        {
                            progress.Started(level[i]);
                            try
                            {
                                links[i] = await ReadLinksAsync(site.Context, level[i], frontier.Start, crawl.PageTimeout, token);
                            }
                            finally
                            {
                                progress.Read(level[i]);
                            }
                        });
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                // In the order the pages were found and their links appear: the crawl is breadth-first and the same every run.
                level = [.. links.OfType<(Uri Base, IReadOnlyList<CrawlLink> Links)>().SelectMany(page => page.Links.Select(link => frontier.Offer(page.Base, link))).OfType<Uri>()];
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (SIGINT, say): the pages found so far are the crawl; checking them stops at once too.
        }
        finally
        {
            if (browser is not null)
            {
                await CloseAsync(browser);
            }
        }

        var sites = frontier.Pages.Select((page, i) => new SiteDefinition(CrawlLinks.SiteName(page), page, [], string.Create(CultureInfo.InvariantCulture, $"crawl page {i + 1}"))).ToList();
        return new CrawlResult(frontier.Start, crawl, frontier.Pages, frontier.SkippedCounts(), configuration with { Sites = sites });
    }

    /// <summary>
    /// Checks the pages a crawl found, each as a site with no steps (<see cref="CheckRunner.RunAsync"/>). Without
    /// <see cref="CrawlOptions.RequireMessenger"/>, a page where the messenger did not load is not an error: one note
    /// counts such pages and names the first few. Every report's notes carry <see cref="CrawlResult.Summary"/>.
    /// </summary>
    /// <param name="crawl">What <see cref="DiscoverAsync"/> found.</param>
    /// <param name="options">How to run; its <see cref="CheckOptions.RequireMessenger"/> is the crawl's.</param>
    /// <param name="cancellationToken">Stops the run, as for <see cref="CheckRunner.RunAsync"/>.</param>
    /// <returns>The report: one site per page, in the order found.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found, or it would not start.</exception>
    /// <exception cref="RemoteBrowserException">The browser of <c>browser.connect</c> could not be connected to in time.</exception>
    public static async Task<CheckReport> CheckAsync(CrawlResult crawl, CheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        ArgumentNullException.ThrowIfNull(options);
        var report = await CheckRunner.RunAsync(crawl.Configuration, options with { RequireMessenger = crawl.Options.RequireMessenger }, cancellationToken);
        var notes = new List<string>(report.Notes) { crawl.Summary };
        var missing = report.Sites.Where(site => site.MessengerMissing).ToList();
        if (missing.Count > 0)
        {
            var named = string.Join(", ", missing.Take(NamedPages).Select(site => site.Url.ToString()));
            var more = missing.Count > NamedPages ? string.Create(CultureInfo.InvariantCulture, $" and {missing.Count - NamedPages} more") : "";
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{missing.Count} of {report.Sites.Count} crawled page(s) did not load the messenger (no embed snippet, or its script never loaded): {named}{more}. In a crawl that is not an error; with --require-messenger each one is a messenger-not-loaded error."));
        }

        return report with { Notes = notes };
    }

    private static async Task CloseAsync(IBrowser browser)
    {
        try
        {
            await browser.DisposeAsync().AsTask().WaitAsync(CloseTimeout);
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            // Disposing Playwright, next, ends its driver and the browser with it.
        }
    }

    private static CheckOptions WithHost(CheckOptions options, FixtureHost? host) => host is null ? options : options with
    {
        PrepareContextAsync = async (context, cancellationToken) =>
        {
            await host.AttachAsync(context, cancellationToken);
            if (options.PrepareContextAsync is { } prepare)
            {
                await prepare(context, cancellationToken);
            }
        },
    };

    // Opens one page and reads its links; a page that does not load, answers an error or leaves the origin gives none
    // (it is still checked, and reported then). The whole read is bounded: twice the page timeout at most.
    private static async Task<(Uri Base, IReadOnlyList<CrawlLink> Links)?> ReadLinksAsync(
        IBrowserContext context, Uri url, Uri start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IPage? page = null;
        try
        {
            page = await context.NewPageAsync().WaitAsync(timeout, cancellationToken);
            return await ReadAsync(page).WaitAsync(timeout * 2, cancellationToken);
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            return null;
        }
        finally
        {
            if (page is not null)
            {
                try
                {
                    await page.CloseAsync().WaitAsync(timeout, CancellationToken.None);
                }
                catch (Exception error) when (error is TimeoutException or PlaywrightException)
                {
                    // The context closes with the crawl.
                }
            }
        }

        async Task<(Uri, IReadOnlyList<CrawlLink>)?> ReadAsync(IPage page)
        {
            var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response is { Status: >= 400 } || !Uri.TryCreate(page.Url, UriKind.Absolute, out var landed) || !CrawlLinks.SameOrigin(landed, start))
            {
                return null;
            }

            var baseUrl = landed;
            var baseElement = page.Locator("base[href]");
            if (await baseElement.CountAsync() > 0 && await baseElement.First.GetAttributeAsync("href") is { } baseHref
                && Uri.TryCreate(landed, baseHref, out var declared))
            {
                baseUrl = declared;
            }

            var links = new List<CrawlLink>();
            foreach (var anchor in (await page.Locator("a[href]").AllAsync()).Take(MaxLinksPerPage))
            {
                var href = await anchor.GetAttributeAsync("href");
                if (href is null)
                {
                    continue;
                }

                var text = await anchor.TextContentAsync();
                links.Add(new CrawlLink(href, await anchor.GetAttributeAsync("rel"), text is { Length: > MaxLinkText } ? text[..MaxLinkText] : text,
                    await anchor.GetAttributeAsync("download") is not null));
            }

            return (baseUrl, links);
        }
    }

    // What discovery tells CrawlOptions.Progress. The frontier changes only between levels, never while pages are read.
    private sealed class DiscoveryCount(IProgress<CrawlProgress>? progress, Frontier frontier)
    {
        private readonly Lock gate = new();
        private readonly List<Uri> reading = [];
        private int read;

        public void Started(Uri page) => Change(() => reading.Add(page));

        public void Read(Uri page) => Change(() =>
        {
            reading.Remove(page);
            read++;
        });

        private void Change(Action change)
        {
            if (progress is null)
            {
                return;
            }

            lock (gate)
            {
                change();
                progress.Report(new CrawlProgress(read, frontier.Pages.Count, [.. reading]));
            }
        }
    }

    // The crawl's memory: the pages queued (in order), and for each link not followed the first reason it was skipped.
    // A page skipped from one link (nofollow, say) and reached by another is checked, and not counted as skipped.
    private sealed class Frontier(Uri start, CrawlOptions crawl)
    {
        private readonly List<Uri> pages = [start];
        private readonly HashSet<string> queued = new(StringComparer.Ordinal) { start.AbsoluteUri };
        private readonly Dictionary<string, CrawlSkipReason> skipped = new(StringComparer.Ordinal);
        private readonly PathGlob[] include = [.. crawl.Include.Select(glob => PathGlob.TryParse(glob, out _)!)];
        private readonly PathGlob[] exclude = [.. crawl.Exclude.Select(glob => PathGlob.TryParse(glob, out _)!)];

        public Uri Start => start;

        public IReadOnlyList<Uri> Pages => pages;

        /// <summary>Queues the page a link leads to and returns it, or records why not and returns <see langword="null"/>.</summary>
        public Uri? Offer(Uri baseUrl, CrawlLink link)
        {
            if (CrawlLinks.Resolve(baseUrl, link.Href) is not { } url || queued.Contains(url.AbsoluteUri))
            {
                return null;
            }

            var reason = !CrawlLinks.SameOrigin(url, start) ? CrawlSkipReason.OtherOrigin
                : CrawlLinks.Skip(link, url, crawl.FollowLogout) is { } skip ? skip
                : include.Length > 0 && !include.Any(glob => glob.Matches(url)) || exclude.Any(glob => glob.Matches(url)) ? CrawlSkipReason.Excluded
                : pages.Count >= crawl.MaxPages ? CrawlSkipReason.MaxPages
                : (CrawlSkipReason?)null;
            if (reason is { } why)
            {
                skipped.TryAdd(url.AbsoluteUri, why);
                return null;
            }

            skipped.Remove(url.AbsoluteUri);
            queued.Add(url.AbsoluteUri);
            pages.Add(url);
            return url;
        }

        public IReadOnlyDictionary<CrawlSkipReason, int> SkippedCounts() =>
            skipped.Values.GroupBy(reason => reason).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count());
    }
}
