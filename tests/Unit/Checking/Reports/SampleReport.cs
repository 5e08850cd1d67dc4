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
