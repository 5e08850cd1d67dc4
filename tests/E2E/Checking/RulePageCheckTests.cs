using System.Text.Json;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// One fixture page per rule (fixtures/sites/rules/), served in-process, checked in one run: each gives
/// exactly its finding and the correct pages none.
/// </summary>
public sealed partial class RulePageCheckTests
{
    private static readonly string Folder = Path.Combine(SiteServer.SitesRoot, "rules");
    private FixtureHost host = null!;
    private CheckReport report = null!;

    [OneTimeSetUp]
    public async Task RunCheckOnceAsync()
    {
        host = await FixtureHost.StartAsync(Folder);
        var configuration = HarnessConfigurationReader.Load(Path.Combine(Folder, "playwright.config.json"));
        report = await CheckRunner.RunAsync(configuration, Options());
    }

    private CheckOptions Options() => new()
    {
        Workers = 2,
        StepTimeout = TimeSpan.FromSeconds(2),
        KeepTraces = false,
        PrepareContextAsync = host.AttachAsync,
    };

    [OneTimeTearDown]
    public async Task StopHostAsync() => await host.DisposeAsync();

    public static IEnumerable<TestCaseData> Sites() =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(Folder, "expected-findings.json")))!
            .Select(site => new TestCaseData(site.Key, site.Value).SetArgDisplayNames(site.Key));

    [TestCaseSource(nameof(Sites))]
    public void Each_rule_page_gives_exactly_its_finding(string site, string[] expected)
    {
        var result = report.Sites.Single(s => s.Name == site);

        result.Findings.Select(f => f.Rule).ShouldBe(expected, string.Join(Environment.NewLine, result.Findings.Select(f => f.Message)));
    }

    [Test]
    public void Without_a_token_the_report_says_signatures_were_checked_for_form_only()
    {
        report.TokenChecked.ShouldBeFalse();
        report.Notes.ShouldHaveSingleItem().ShouldContain("signatures were checked for form only");
    }

    [Test]
    public void A_failed_step_names_its_index_and_json_path_and_keeps_a_screenshot()
    {
        var site = report.Sites.Single(s => s.Name == "step-failed");

        var finding = site.Findings.ShouldHaveSingleItem();
        finding.Step.ShouldBe(0);
        finding.Message.ShouldContain("step 0 (click \"#no-such-button\") at $.sites[14].steps[0]");
        finding.Message.ShouldContain("no element matches the selector \"#no-such-button\"");
        site.Steps[0].Screenshot.ShouldNotBeNull();
        site.Steps[1].Outcome.ShouldBe(StepOutcome.Passed);
    }

    [Test]
    public void An_unreachable_site_is_reported_and_the_others_still_run()
    {
        var unreachable = report.Sites.Single(s => s.Name == "unreachable");

        unreachable.Findings.ShouldHaveSingleItem().Message.ShouldContain("ERR_CONNECTION_REFUSED");
        report.Sites.Count.ShouldBe(16);
    }

    [Test]
    public void The_timeline_records_the_calls_in_order()
    {
        var good = report.Sites.Single(s => s.Name == "good");

        var calls = good.Timeline.Where(t => t.Kind == "Call" && !t.Text.StartsWith("kayako.ready", StringComparison.Ordinal)).Select(t => t.Text.Split('(')[0]);
        calls.ShouldBe(["kayako.identify", "kayako.maximize", "kayako.forget"]);
        good.Timeline.Select(t => t.Sequence).ShouldBeInOrder();
        good.Timeline.Single(t => t.Text.StartsWith("kayako.maximize", StringComparison.Ordinal)).Step.ShouldBe(1);
        good.Timeline.Single(t => t.Text.StartsWith("kayako.identify", StringComparison.Ordinal)).Step.ShouldBeNull();
    }

    [Test]
    public async Task Three_shards_checked_apart_and_merged_give_the_report_of_one_run()
    {
        var configuration = HarnessConfigurationReader.Load(Path.Combine(Folder, "playwright.config.json"));
        var shards = new List<(string Source, CheckReport Report)>();
        foreach (var index in new[] { 3, 1, 2 })
        {
            var shard = await CheckRunner.RunAsync(configuration, Options() with { Shard = new Shard(index, 3) });
            var json = Render(shard);
            shards.Add(($"shard-{index}.json", JsonReportReader.Read(json, $"shard-{index}.json")));
        }

        var merged = ReportMerger.Merge(shards);

        shards.Select(s => s.Report.Sites.Count).ShouldAllBe(count => count > 0);
        Comparable(merged).ShouldBe(Comparable(report));
        merged.ConfigurationHash.ShouldBe(report.ConfigurationHash);
        merged.Errors.ShouldBe(report.Errors);
    }

    private static string Render(CheckReport checkReport)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(checkReport, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // The JSON report without what differs from run to run by nature (times, the shard) and the note that says it was merged.
    // The pages sign with the clock, so the timestamps in messages (and how late a page left) are times too.
    private static string Comparable(CheckReport checkReport)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Render(checkReport))!.AsObject();
        json.Remove("run");
        foreach (var site in json["sites"]!.AsArray())
        {
            site!.AsObject().Remove("durationSeconds");
        }

        var notes = json["notes"]!.AsArray();
        notes.Where(n => n!.GetValue<string>().StartsWith("Merged from", StringComparison.Ordinal)).ToList().ForEach(n => notes.Remove(n));
        return Times().Replace(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "(time)");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{9,}|\d+(?= ms later)|\d+(?= s behind)")]
    private static partial System.Text.RegularExpressions.Regex Times();
}
