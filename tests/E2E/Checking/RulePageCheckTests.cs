using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
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
        var merging = await MergedShardsAsync();

        merging.Shards.Select(s => s.Report.Sites.Count).ShouldAllBe(count => count > 0);
        Comparable(merging.Merged).ShouldBe(Comparable(report));
        merging.Merged.ConfigurationHash.ShouldBe(report.ConfigurationHash);
        merging.Merged.Errors.ShouldBe(report.Errors);
    }

    [Test]
    public async Task Three_shards_merged_give_the_html_report_their_own_results_give_steps_screenshots_and_timelines_included()
    {
        var merging = await MergedShardsAsync();
        // What the shards saw, as one report: the merged HTML must have lost nothing of it on the way through JSON.
        var seen = report with { Sites = [.. merging.Checked.SelectMany(shard => shard.Sites).OrderBy(site => site.Index)] };

        var fromShards = await ComparableHtmlAsync(merging.Merged, withTimeline: true);

        fromShards.ShouldBe(await ComparableHtmlAsync(seen, withTimeline: true));
        var failed = merging.Merged.Sites.Single(s => s.Name == "step-failed");
        failed.Steps[0].Screenshot.ShouldBeNull("a report read back names its screenshot files; the HTML report reads them");
        File.Exists(failed.Steps[0].ScreenshotPath).ShouldBeTrue();
        fromShards.ShouldContain("<img alt=\"The page when the step failed\" src=\"(png)\">");
        fromShards.ShouldContain("click \"#no-such-button\"");
        fromShards.ShouldContain("kayako.maximize()");
    }

    [Test]
    public async Task Three_shards_merged_give_the_html_report_of_one_run()
    {
        var merging = await MergedShardsAsync();

        (await ComparableHtmlAsync(merging.Merged, withTimeline: false)).ShouldBe(await ComparableHtmlAsync(report, withTimeline: false));
    }

    [Test]
    public async Task Three_shards_merged_give_the_junit_report_of_one_run()
    {
        var merging = await MergedShardsAsync();

        ComparableJUnit(merging.Merged with { Notes = report.Notes }).ShouldBe(ComparableJUnit(report));
    }

    private sealed record Merging(List<CheckReport> Checked, List<(string Source, CheckReport Report)> Shards, CheckReport Merged);

    // The shards are checked once, for every test that compares their merge.
    private Task<Merging>? merging;

    private Task<Merging> MergedShardsAsync() => merging ??= MergeAsync();

    private async Task<Merging> MergeAsync()
    {
        var configuration = HarnessConfigurationReader.Load(Path.Combine(Folder, "playwright.config.json"));
        var checkedShards = new List<CheckReport>();
        var shards = new List<(string Source, CheckReport Report)>();
        foreach (var index in new[] { 3, 1, 2 })
        {
            var shard = await CheckRunner.RunAsync(configuration, Options() with { Shard = new Shard(index, 3) });
            checkedShards.Add(shard);
            shards.Add(($"shard-{index}.json", JsonReportReader.Read(Render(shard), $"shard-{index}.json")));
        }

        return new(checkedShards, shards, ReportMerger.Merge(shards));
    }

    // The HTML report as a browser reads it, without what differs by nature: durations, the timeline's milliseconds,
    // times in messages, the note saying it was merged, and the screenshot's pixels (from memory in one, from the file
    // in the other, so both are checked to be a PNG). Against another run (withTimeline: false) the timelines go too:
    // what a page logs after it settled (the fake API's late answer, the event it sets off) differs from run to run.
    private static async Task<string> ComparableHtmlAsync(CheckReport checkReport, bool withTimeline)
    {
        using var stream = new MemoryStream();
        await HtmlReportWriter.WriteAsync(checkReport, stream);
        using var document = await new HtmlParser().ParseDocumentAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        foreach (var note in document.QuerySelectorAll("p.note").Where(p => p.TextContent.StartsWith("Merged from", StringComparison.Ordinal)).ToList())
        {
            // With the line end after it, as a report without the note has none.
            if (note.NextSibling is AngleSharp.Dom.IText { Text: "\n" } lineEnd)
            {
                note.Parent!.RemoveChild(lineEnd);
            }

            note.Remove();
        }

        foreach (var image in document.QuerySelectorAll("img"))
        {
            var source = image.GetAttribute("src")!;
            source.ShouldStartWith("data:image/png;base64,");
            Convert.FromBase64String(source["data:image/png;base64,".Length..])[..8].ShouldBe(PngSignature);
            image.SetAttribute("src", "(png)");
        }

        foreach (var timeline in document.QuerySelectorAll("details").Where(d => d.QuerySelector("table") is not null))
        {
            if (withTimeline)
            {
                foreach (var row in timeline.QuerySelectorAll("tr").Where(tr => tr.QuerySelector("td") is not null))
                {
                    row.Children[1].TextContent = "(ms)";
                }
            }
            else
            {
                timeline.InnerHtml = "(timeline)";
            }
        }

        return Durations().Replace(Times().Replace(document.Body!.OuterHtml, "(time)"), "(duration)");
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static string ComparableJUnit(CheckReport checkReport)
    {
        using var stream = new MemoryStream();
        JUnitReportWriter.Write(checkReport, stream);
        stream.Position = 0;
        var document = XDocument.Load(stream);
        document.Descendants().Attributes("time").Remove();
        return Times().Replace(document.ToString(), "(time)");
    }

    private static string Render(CheckReport checkReport)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(checkReport, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // The JSON report without what differs from run to run by nature (times, the shard, the timeline) and the note that says it was merged.
    // The pages sign with the clock, so the timestamps in messages (and how late a page left) are times too.
    private static string Comparable(CheckReport checkReport)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Render(checkReport))!.AsObject();
        json.Remove("run");
        foreach (var site in json["sites"]!.AsArray())
        {
            site!.AsObject().Remove("durationSeconds");
            // What a page logs after it settled (the fake API's late answer, the event it sets off) is there in one run
            // and not in another: run against run, the timeline cannot agree. That merging keeps it whole is shown
            // against the shards' own results (the HTML test below).
            site.AsObject().Remove("timeline");
            site.AsObject().Remove("timelineEntries");
        }

        var notes = json["notes"]!.AsArray();
        notes.Where(n => n!.GetValue<string>().StartsWith("Merged from", StringComparison.Ordinal)).ToList().ForEach(n => notes.Remove(n));
        return Times().Replace(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "(time)");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{9,}|\d+(?= ms later)|\d+(?= s behind)")]
    private static partial System.Text.RegularExpressions.Regex Times();

    // A run's and a site's duration as the HTML report prints them: "in 3.2 s.", "· 0.41 s".
    [System.Text.RegularExpressions.GeneratedRegex(@"\d+\.\d+(?= s)")]
    private static partial System.Text.RegularExpressions.Regex Durations();
}
