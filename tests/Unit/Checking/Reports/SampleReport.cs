using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>A report with a clean site and a failing one whose texts carry markup and control characters.</summary>
internal static class SampleReport
{
    // The smallest valid PNG signature is enough to show it is embedded, not interpreted.
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static CheckReport Create()
    {
        var click = new ClickStep(0, "$.sites[1].steps[0]", false, "#chat<b>");
        var clean = new SiteResult("home", new Uri("https://staging.example.com/"), [], [], [], null, [], TimeSpan.FromMilliseconds(800));
        var failing = new SiteResult("account & <co>", new Uri("https://staging.example.com/account?a=1&b=2"),
            [
                new Finding(RuleIds.ScriptError, Severity.Error, "Uncaught error: <script>alert('x')</script>\u0001 done"),
                new Finding(RuleIds.IdentifySignatureInvalid, Severity.Error, "bad signature", Cause: "field-order"),
                new Finding(RuleIds.IdentifyTimestampNotNumber, Severity.Warning, "quoted \"1700000000\"", Step: 0),
            ],
            [new StepResult(click, StepOutcome.Failed, "no element matches", 0, 3, null, Png)],
            [new TimelineEntry(0, 0, "Call", "kayako.identify(\"<img src=x>\")", "https://staging.example.com/account"),
             new TimelineEntry(1, 40, "Call", "kayako.maximize()", "https://staging.example.com/account", Step: 0)],
            "/tmp/traces/account.zip",
            ["Playwright trace: /tmp/traces/account.zip"],
            TimeSpan.FromMilliseconds(1500));
        return new CheckReport([clean, failing], false, ["KAYAKO_MESSENGER_TOKEN is not set: signatures were checked for form only."], TimeSpan.FromSeconds(2));
    }

    /// <summary>A site whose page threw the same error 19,871 times (grouped, as CheckRunner groups it) and logged each.</summary>
    public static CheckReport Looping()
    {
        var tick = new Finding(RuleIds.ScriptError, Severity.Error, "Uncaught error on http://loop.test/: Error: tick");
        var findings = FindingGroups.Group([.. Enumerable.Repeat(tick, 19_000), .. Enumerable.Repeat(tick with { Step = 0 }, 871)]);
        var timeline = Enumerable.Range(0, 19_871).Select(i => new TimelineEntry(i, i, "PageError", "Error: tick", "http://loop.test/")).ToList();
        var site = new SiteResult("loop", new Uri("http://loop.test/"), findings, [], timeline, null, [], TimeSpan.FromSeconds(14));
        return new CheckReport([site], true, [], TimeSpan.FromSeconds(14));
    }

    /// <summary>
    /// A run with <c>--repeat-each 6</c>: a flaky site (an error in 2 of 6 runs, with the failed step's screenshot of run 2),
    /// a site failing the same way in every run, and a clean one.
    /// </summary>
    public static CheckReport Repeated()
    {
        var click = new ClickStep(1, "$.sites[0].steps[1]", false, "#help");
        var flaky = new SiteResult("racy", new Uri("http://racy.test/race"),
            [
                new Finding(RuleIds.CalledBeforeReady, Severity.Error, "kayako.maximize(…) ran before the messenger loaded") { Runs = 2 },
                new Finding(RuleIds.StepFailed, Severity.Error, "no element matches the selector \"#help\"", Step: 1) { Runs = 2 },
            ],
            [new StepResult(click, StepOutcome.Failed, "no element matches", 0, 3) { ScreenshotPath = "TestResults/harness/screenshots/racy-step-1.png" }],
            [], "/tmp/traces/racy.zip", ["Played 6 times, each in a fresh context: 2 failed (runs 2, 4)."], TimeSpan.FromSeconds(9))
        {
            Repeat = new RepeatOutcome(6, [2, 4], Flaky: true, ShownRun: 2),
        };
        var broken = new SiteResult("always-broken", new Uri("http://racy.test/broken"),
            [new Finding(RuleIds.CalledBeforeReady, Severity.Error, "kayako.maximize(…) ran before the messenger loaded") { Runs = 6 }],
            [], [], null, [], TimeSpan.FromSeconds(8))
        {
            Index = 1,
            Repeat = new RepeatOutcome(6, [1, 2, 3, 4, 5, 6], Flaky: false, ShownRun: 1),
        };
        var clean = new SiteResult("always-clean", new Uri("http://racy.test/clean"), [], [], [], null, [], TimeSpan.FromSeconds(3))
        {
            Index = 2,
            Repeat = new RepeatOutcome(6, [], Flaky: false, ShownRun: 1),
        };
        return new CheckReport([flaky, broken, clean], true, [], TimeSpan.FromSeconds(12))
        {
            RepeatEach = 6,
            ConfigurationHash = ShardedReports.Hash,
            StartedAt = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero),
            EndedAt = new DateTimeOffset(2026, 1, 31, 9, 30, 12, TimeSpan.Zero),
        };
    }

    public static string Render(Action<CheckReport, Stream> write, CheckReport report)
    {
        using var stream = new MemoryStream();
        write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static async Task<string> RenderHtmlAsync(CheckReport report)
    {
        using var stream = new MemoryStream();
        await HtmlReportWriter.WriteAsync(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
