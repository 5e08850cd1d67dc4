using System.Text.Json.Nodes;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

public sealed class JsonReportReaderTests
{
    private static string Written() => ShardedReports.Json(ShardedReports.Split(ShardedReports.Whole(), 3)[0]);

    // The whole run: its second site has findings.
    private static string Edited(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(ShardedReports.Json(ShardedReports.Whole()))!.AsObject();
        edit(json);
        return json.ToJsonString();
    }

    [Test]
    public void A_report_reads_back_to_the_same_report()
    {
        var text = Written();

        var report = JsonReportReader.Read(text, "shard.json");

        ShardedReports.Json(report).ShouldBe(text);
        report.Shard.ShouldBe(new Shard(1, 3));
        report.ConfigurationHash.ShouldBe(ShardedReports.Hash);
        report.HarnessVersion.ShouldBe(CheckReport.CurrentHarnessVersion);
        report.StartedAt.ShouldBe(new DateTimeOffset(2026, 1, 31, 9, 30, 1, TimeSpan.Zero));
    }

    [Test]
    public void A_report_with_markup_control_characters_and_repeats_reads_back_whole()
    {
        foreach (var sample in new[] { SampleReport.Create(), SampleReport.Looping() })
        {
            var text = ShardedReports.Json(sample);

            ShardedReports.Json(JsonReportReader.Read(text, "sample.json")).ShouldBe(text);
        }
    }

    [Test]
    public void Text_that_is_not_json_names_the_file_and_the_place()
    {
        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read("{ \"sites\": [", "shard-2.json"));

        problem.Message.ShouldStartWith("shard-2.json is not a JSON report of kayako-harness check (write one with check --json FILE); 1 problem:");
        problem.Problems.Single().ShouldStartWith("$: not valid JSON at line 1");
    }

    [Test]
    public void Every_unknown_missing_or_mistyped_key_is_named_by_its_path()
    {
        var text = Edited(json =>
        {
            json["extra"] = 1;
            json["run"]!.AsObject().Remove("configurationHash");
            json["run"]!["shard"] = new JsonObject { ["index"] = 9, ["count"] = 3 };
            var site = json["sites"]![1]!.AsObject();
            site["colour"] = "red";
            site["findings"]![0]!["severity"] = "fatal";
            site["index"] = "first";
        });

        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(text, "shard.json"));

        problem.Problems.ShouldBe([
            "$.extra: unknown key \"extra\". Allowed here: sites, summary, notes, run.",
            "$.sites[1].colour: unknown key \"colour\". Allowed here: name, url, findings, index, durationSeconds, notes, trace, repeat, emulation, steps, timelineEntries, timeline.",
            "$.sites[1].findings[0].severity: must be \"error\" or \"warning\", not the string \"fatal\".",
            "$.sites[1].index: must be a whole number from 0 to 2147483647, not the string \"first\".",
            "$.run: has no \"configurationHash\".",
            "$.run.shard.index: must be a whole number from 1 to 3, not the number 9.",
        ], ignoreOrder: true);
    }

    [Test]
    public void A_summary_that_disagrees_with_the_sites_is_refused()
    {
        var text = Edited(json => json["summary"]!["errors"] = 99);

        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(text, "shard.json"));

        problem.Problems.Single().ShouldStartWith("$.summary.errors: is 99, but the sites have ");
    }

    [Test]
    public void A_count_without_its_steps_is_refused()
    {
        var text = Edited(json =>
        {
            var finding = json["sites"]!.AsArray().Select(s => s!["findings"]!.AsArray()).SelectMany(f => f).First(f => f!["count"] is not null)!.AsObject();
            finding.Remove("steps");
        });

        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(text, "shard.json"));

        problem.Problems.Single().ShouldContain("has one of \"count\" and \"steps\" without the other");
    }

    [Test]
    public void A_report_keeps_each_site_s_steps_screenshot_files_and_timeline()
    {
        var report = JsonReportReader.Read(ShardedReports.Json(ShardedReports.Whole()), "report.json");

        var site = report.Sites[1];
        site.Steps.Select(s => (s.Step.Index, s.Step.JsonPath, s.Step.Describe(), s.Step.IsLogout, s.Outcome, s.Error, s.ScreenshotPath)).ShouldBe([
            (0, "$.sites[1].steps[0]", "step 0 (click \"#chat\")", false, StepOutcome.Passed, null, null),
            (1, "$.sites[1].steps[1]", "step 1 (click \"#logout\")", true, StepOutcome.Failed, "no element matches the selector \"#logout\"",
                "TestResults/harness/screenshots/site-1-step-1.png"),
        ]);
        site.Timeline.ShouldBe([
            new TimelineEntry(0, 0, "Navigation", "https://s1.example.com/", "https://s1.example.com/"),
            new TimelineEntry(1, 12.5, "Call", "kayako.maximize()", "https://s1.example.com/", Step: 0),
        ]);
        site.TimelineCount.ShouldBe(2);
    }

    [Test]
    public void A_long_timeline_keeps_the_entries_the_html_report_shows_and_how_many_there_were()
    {
        var text = ShardedReports.Json(SampleReport.Looping());

        var site = JsonReportReader.Read(text, "loop.json").Sites.Single();

        site.Timeline.Count.ShouldBe(HtmlReportWriter.MaxTimelineEntries);
        site.TimelineCount.ShouldBe(19_871);
    }

    [Test]
    public void Every_mistake_in_steps_and_timeline_is_named_by_its_path()
    {
        var text = Edited(json =>
        {
            var site = json["sites"]![1]!.AsObject();
            site["steps"]![0]!["outcome"] = "skipped";
            site["steps"]![1]!.AsObject().Remove("action");
            site["steps"]![1]!["screenshot"] = 7;
            site["timeline"]![0]!["step"] = "open";
            site["timeline"]![1]!["colour"] = "red";
            site["timelineEntries"] = 1;
        });

        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(text, "shard.json"));

        problem.Problems.ShouldBe([
            "$.sites[1].steps[0].outcome: must be \"passed\", \"failed\" or \"not-run\", not the string \"skipped\".",
            "$.sites[1].steps[1]: has no \"action\".",
            "$.sites[1].steps[1].screenshot: must be a string, not the number 7.",
            "$.sites[1].timeline[0].step: must be a whole number from 0 to 2147483647, not the string \"open\".",
            "$.sites[1].timeline[1].colour: unknown key \"colour\". Allowed here: sequence, atMilliseconds, step, kind, text, pageUrl.",
        ], ignoreOrder: true);
    }
}
