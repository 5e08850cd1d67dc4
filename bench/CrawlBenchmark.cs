using System.Diagnostics;
using System.Globalization;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Crawling;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;

namespace Kayako.Harness.Bench;

/// <summary>
/// <c>check URL --crawl</c> over a generated site of 200 pages (page n links to 2n and 2n+1; one page in ten without
/// the messenger), served by the fixture host, with 1 and 2 workers: pages per second for the whole crawl (discovery
/// and check, one browser each), and how the time splits between the two. In process, through the library the
/// command uses, so the figure is the crawl's own and not the command's start-up.
/// </summary>
internal static class CrawlBenchmark
{
    private const string Origin = "http://crawl.bench/";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int pages, int runs, CancellationToken cancellationToken)
    {
        var section = string.Create(CultureInfo.InvariantCulture, $"crawl ({pages} generated pages, fixture host)");
        var folder = Directory.CreateTempSubdirectory("kayako-harness-bench-crawl-");
        var rows = new List<ResultRow>();
        try
        {
            await WriteSiteAsync(environment, folder.FullName, pages, cancellationToken);
            await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = FixturePages.FromFolder(folder.FullName), Origin = Origin }, cancellationToken);
            var configuration = HarnessConfigurationReader.ForUrl(Origin);
            var rates = new Dictionary<int, List<double>>();
            foreach (var workers in new[] { 1, 2 })
            {
                var perSecond = new List<double>();
                var discovery = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    var options = new CheckOptions { Workers = workers, KeepTraces = false, PrepareContextAsync = host.AttachAsync };
                    var started = Stopwatch.GetTimestamp();
                    var found = await SiteCrawler.DiscoverAsync(new Uri(Origin), configuration, new CrawlOptions { MaxPages = pages }, options, cancellationToken);
                    var discovered = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    var report = await SiteCrawler.CheckAsync(found, options, cancellationToken);
                    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    if (found.Pages.Count != pages || report.Sites.Count != pages || report.Errors != 0)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                            $"the crawl found {found.Pages.Count} and checked {report.Sites.Count} of {pages} pages with {report.Errors} error(s): {string.Join(" ", report.Notes)}"));
                    }

                    perSecond.Add(pages / seconds);
                    discovery.Add(discovered / seconds);
                }

                rates[workers] = perSecond;
                var rate = new Sample(perSecond);
                var split = new Sample(discovery.Select(share => share * 100).ToList());
                rows.Add(new(section, string.Create(CultureInfo.InvariantCulture, $"{pages} pages, {workers} worker(s): pages per second (discovery's share of the time {split.Format("%", "0")})"),
                    rate.Format("pages/s"),
                    workers == 1 ? string.Create(CultureInfo.InvariantCulture, $"{1 / rate.Median:0.000} s per page")
                        : $"speed-up {Sample.Ratios(perSecond, rates[1]).Format("×")} over 1 worker"));
            }

            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WriteSiteAsync(BenchEnvironment environment, string folder, int pages, CancellationToken cancellationToken)
    {
        File.Copy(Path.Combine(environment.RepositoryRoot, "fixtures", "pages", "kayako-embed.js"), Path.Combine(folder, "kayako-embed.js"));
        Directory.CreateDirectory(Path.Combine(folder, "p"));
        for (var n = 1; n <= pages; n++)
        {
            var links = string.Concat(new[] { 2 * n, 2 * n + 1 }.Where(child => child <= pages)
                .Select(child => string.Create(CultureInfo.InvariantCulture, $"<a href=\"/p/{child}.html\">page {child}</a>\n")));
            var embed = n % 10 == 7 ? "" : "<script src=\"/kayako-embed.js\"></script>\n";
            var file = n == 1 ? "index.html" : string.Create(CultureInfo.InvariantCulture, $"p/{n}.html");
            await File.WriteAllTextAsync(Path.Combine(folder, file),
                $"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>page {n}</title></head>\n<body>\n{embed}{links}</body></html>\n", cancellationToken);
        }
    }
}
