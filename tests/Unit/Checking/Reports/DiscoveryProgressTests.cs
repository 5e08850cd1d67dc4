using Kayako.Harness.Checking.Crawling;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>A crawl's discovery on standard error: a live line on a terminal, a plain line per page read under CI.</summary>
public sealed class DiscoveryProgressTests
{
    private const string Clear = "\r\u001b[2K";

    private static readonly Uri Home = new("https://shop.example/");
    private static readonly Uri Prices = new("https://shop.example/prices?tab=1");
    private static readonly Uri Help = new("https://shop.example/help");

    [Test]
    public void Under_ci_each_page_read_gives_one_plain_line()
    {
        var time = new ManualTime();
        using var error = new StringWriter();
        using (var progress = new DiscoveryProgress(error, live: false, time))
        {
            progress.Report(new CrawlProgress(0, 1, [Home]));
            time.Advance(TimeSpan.FromSeconds(2));
            progress.Report(new CrawlProgress(1, 1, []));
            progress.Report(new CrawlProgress(1, 3, [Prices]));
            progress.Report(new CrawlProgress(1, 3, [Prices, Help]));
            time.Advance(TimeSpan.FromSeconds(70));
            progress.Report(new CrawlProgress(2, 3, [Help]));
        }

        error.ToString().ShouldBe(
            "crawl: 1 of 1 page(s) found read, 0:02 elapsed" + Environment.NewLine +
            "crawl: 2 of 3 page(s) found read, 1:12 elapsed; reading: /help" + Environment.NewLine);
        time.Timers.ShouldBe(0, "plain lines never redraw");
    }

    [Test]
    public void On_a_terminal_the_line_shows_the_pages_being_read_and_is_cleared_at_the_end()
    {
        var time = new ManualTime();
        using var error = new StringWriter();
        var progress = new DiscoveryProgress(error, live: true, time);

        progress.Report(new CrawlProgress(1, 3, [Prices, Help]));
        error.ToString().ShouldBe(Clear + "crawl: 1 of 3 page(s) found read, 0:00 elapsed; reading: /prices?tab=1, /help");

        time.Advance(TimeSpan.FromSeconds(4));
        time.Tick();
        error.ToString().ShouldEndWith(Clear + "crawl: 1 of 3 page(s) found read, 0:04 elapsed; reading: /prices?tab=1, /help");

        progress.Dispose();
        error.ToString().ShouldEndWith(Clear);
        time.Timers.ShouldBe(0, "the redraw stops with the display");
    }
}
