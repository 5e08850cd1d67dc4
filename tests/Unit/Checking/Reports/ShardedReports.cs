using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>A hand-made run of many sites, and the same run split into shards as <c>check --shard</c> splits it.</summary>
internal static class ShardedReports
{
    public const string Hash = "3f1c0e9a5b7d2c4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6";

    private static readonly DateTimeOffset Start = new(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

    /// <summary>An unsharded run: some sites clean, some with errors, warnings, repeated findings and notes.</summary>
    public static CheckReport Whole(int sites = 13)
    {
        var results = Enumerable.Range(0, sites).Select(i => new SiteResult(
            $"site-{i}", new Uri($"https://s{i}.example.com/"),
            (i % 3) switch
            {
                0 => [],
                1 => [new Finding(RuleIds.ScriptError, Severity.Error, $"Uncaught error {i}", Step: 1) { Count = 3, OccurrenceSteps = [null, 1] }],
                _ => [new Finding(RuleIds.IdentifySignatureInvalid, Severity.Error, "bad signature", Cause: "field-order"),
                      new Finding(RuleIds.IdentifyTimestampNotNumber, Severity.Warning, "quoted", Step: 0)],
            },
            Steps(i), Timeline(i), i % 5 == 1 ? $"/tmp/traces/site-{i}.zip" : null, i % 5 == 1 ? [$"Playwright trace: /tmp/traces/site-{i}.zip"] : [],
            TimeSpan.FromMilliseconds(100 + i)) { Index = i, Emulation = Emulation(i) }).ToList();
        return new CheckReport(results, false, ["KAYAKO_MESSENGER_TOKEN is not set: signatures were checked for form only."], TimeSpan.FromSeconds(9))
        {
            ConfigurationHash = Hash,
            StartedAt = Start,
            EndedAt = Start + TimeSpan.FromSeconds(9),
        };
    }

    // Some sites ran as a phone in another locale, some as a plain desktop, some recorded nothing (a report from before emulation).
    private static SiteEmulation? Emulation(int i) => (i % 4) switch
    {
        0 => new SiteEmulation
        {
            Device = "Phone 1", Viewport = new Viewport(390, 664), Screen = new Viewport(390, 844), DeviceScaleFactor = 2.625, IsMobile = true, HasTouch = true,
            UserAgent = "Mozilla/5.0 (Phone 1) \"quoted\" <b>", Locale = "de-DE", TimezoneId = "Europe/Berlin", ColorScheme = "dark",
        },
        1 => SiteEmulation.Desktop,
        _ => null,
    };

    // Every site opens, clicks and signs out; on the sites with script errors the logout click failed, with a screenshot kept.
    private static List<StepResult> Steps(int i) =>
    [
        new(new ClickStep(0, $"$.sites[{i}].steps[0]", false, "#chat"), StepOutcome.Passed, null, 1, 2),
        i % 3 == 1
            ? new(new ClickStep(1, $"$.sites[{i}].steps[1]", true, "#logout"), StepOutcome.Failed, "no element matches the selector \"#logout\"", 2, 2)
                { ScreenshotPath = $"TestResults/harness/screenshots/site-{i}-step-1.png" }
            : new(new ClickStep(1, $"$.sites[{i}].steps[1]", true, "#logout"), StepOutcome.Passed, null, 2, 3),
    ];

    private static List<TimelineEntry> Timeline(int i) =>
    [
        new(0, 0, "Navigation", $"https://s{i}.example.com/", $"https://s{i}.example.com/"),
        new(1, 12.5, "Call", "kayako.maximize()", $"https://s{i}.example.com/", Step: 0),
    ];

    /// <summary>The shards of <paramref name="whole"/>, each as its own run would report it.</summary>
    public static List<CheckReport> Split(CheckReport whole, int count)
    {
        var names = whole.Sites.Select(s => s.Name).ToList();
        return [.. Enumerable.Range(1, count).Select(i =>
        {
            var shard = new Shard(i, count);
            var sites = shard.Pick(names).Select(p => whole.Sites[p]).ToList();
            return whole with
            {
                Sites = sites,
                Notes = sites.Count == 0 ? [.. whole.Notes, CheckRunner.EmptyShardNote(shard, names.Count)] : whole.Notes,
                Shard = shard,
                StartedAt = Start + TimeSpan.FromSeconds(i),
                EndedAt = Start + TimeSpan.FromSeconds(i + 3),
                Duration = TimeSpan.FromSeconds(3),
            };
        })];
    }

    public static string Json(CheckReport report) => SampleReport.Render(JsonReportWriter.Write, report);

    /// <summary>The shards written as JSON and read back, as merge gets them.</summary>
    public static List<(string Source, CheckReport Report)> RoundTrip(IEnumerable<CheckReport> shards) =>
        [.. shards.Select((shard, i) => ($"shard-{i + 1}.json", JsonReportReader.Read(Json(shard), $"shard-{i + 1}.json")))];
}
