using Kayako.Harness.Checking.Crawling;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Crawling;

public sealed class CrawlResultTests
{
    private static readonly Uri Start = new("https://shop.example.com/");

    private static CrawlResult Result(int pages, Dictionary<CrawlSkipReason, int> skipped, int maxPages = 50) =>
        new(Start, new CrawlOptions { MaxPages = maxPages }, [.. Enumerable.Range(0, pages).Select(i => new Uri(Start, $"/p{i}"))], skipped,
            HarnessConfigurationReader.ForUrl(Start.AbsoluteUri));

    [Test]
    public void The_summary_counts_found_checked_and_each_reason_for_skipping()
    {
        var result = Result(3, new()
        {
            [CrawlSkipReason.MaxPages] = 7, [CrawlSkipReason.Excluded] = 2, [CrawlSkipReason.NoFollow] = 1, [CrawlSkipReason.Logout] = 1,
            [CrawlSkipReason.Download] = 4, [CrawlSkipReason.OtherOrigin] = 5,
        }, maxPages: 3);

        result.Found.ShouldBe(14);
        result.Summary.ShouldBe(
            "Crawl of https://shop.example.com/ (same-origin links, breadth-first): 14 page(s) found, 3 checked, 11 skipped: 7 beyond --max-pages 3, " +
            "2 excluded by --include/--exclude, 1 only linked with rel=nofollow, 1 that look like a logout (--follow-logout follows them); " +
            "not followed: 4 download(s), 5 link(s) to other origins.");
    }

    [Test]
    public void A_crawl_that_skipped_nothing_says_so()
    {
        Result(2, []).Summary.ShouldBe("Crawl of https://shop.example.com/ (same-origin links, breadth-first): 2 page(s) found, 2 checked, none skipped.");
    }
}
