using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>Progress on standard error: a live line on a terminal, a plain line per finished site under CI; the console's lines pass through.</summary>
public sealed class RunProgressTests
{
    private const string Clear = "\r\u001b[2K";

    private static SiteResult Site(string name) =>
        new(name, new Uri($"https://{name}.example/"), [], [], [], null, [], TimeSpan.FromSeconds(1));

    [TestCase(true, null, ExpectedResult = true)]
    [TestCase(true, "", ExpectedResult = true)]
    [TestCase(true, "false", ExpectedResult = true)]
    [TestCase(true, "true", ExpectedResult = false)]
    [TestCase(true, "1", ExpectedResult = false)]
    [TestCase(false, null, ExpectedResult = false)]
    public bool A_live_line_needs_a_terminal_and_no_ci(bool terminal, string? ci) =>
        RunProgress.LiveSuits(terminal, name => name == "CI" ? ci : null);

    [Test]
    public void Under_ci_each_finished_site_gives_one_plain_line_after_the_consoles()
    {
        var time = new ManualTime();
        using var console = new StringWriter();
        using var error = new StringWriter();
        using (var progress = new RunProgress(new ConsoleReporter(console, colour: false), error, total: 3, live: false, time))
        {
            progress.SiteStarted("home");
            progress.SiteStarted("account");
            time.Advance(TimeSpan.FromSeconds(12));
            progress.SiteFinished(Site("home"));
            time.Advance(TimeSpan.FromSeconds(63));
            progress.SiteFinished(Site("account"));
        }

        error.ToString().ShouldBe(
            "1/3 site(s) done, 0:12 elapsed; running: account" + Environment.NewLine +
            "2/3 site(s) done, 1:15 elapsed" + Environment.NewLine);
        console.ToString().ShouldStartWith("PASS home (0 error(s), 0 warning(s), 1.00 s)");
        console.ToString().ShouldContain("PASS account");
        time.Timers.ShouldBe(0, "plain lines never redraw");
    }

    [Test]
    public void On_a_terminal_one_line_is_redrawn_in_place_and_cleared_for_the_consoles_lines()
    {
        var time = new ManualTime();
        using var console = new StringWriter();
        using var error = new StringWriter();
        var progress = new RunProgress(new ConsoleReporter(console, colour: false), error, total: 2, live: true, time);

        progress.SiteStarted("home");
        error.ToString().ShouldBe(Clear + "0/2 site(s) done, 0:00 elapsed; running: home");

        time.Advance(TimeSpan.FromSeconds(5));
        time.Tick();
        error.ToString().ShouldEndWith(Clear + "0/2 site(s) done, 0:05 elapsed; running: home");
        error.ToString().ShouldNotContain(Environment.NewLine);

        progress.SiteFinished(Site("home"));
        error.ToString().ShouldEndWith(Clear + Clear + "1/2 site(s) done, 0:05 elapsed");
        console.ToString().ShouldStartWith("PASS home");

        progress.Dispose();
        error.ToString().ShouldEndWith("1/2 site(s) done, 0:05 elapsed" + Clear);
        time.Timers.ShouldBe(0, "the ticker is stopped");
        var before = error.ToString();
        time.Tick();
        error.ToString().ShouldBe(before);
    }

    [Test]
    public void A_live_line_is_cut_to_a_narrow_terminals_width()
    {
        var time = new ManualTime();
        using var error = new StringWriter();
        using var progress = new RunProgress(new ConsoleReporter(TextWriter.Null, colour: false), error, total: 40, live: true, time);

        foreach (var i in Enumerable.Range(0, 20))
        {
            progress.SiteStarted($"a-site-with-a-long-name-{i}");
        }

        var line = error.ToString().Split(Clear)[^1];
        line.Length.ShouldBe(79);
        line.ShouldEndWith("…");
    }
}
