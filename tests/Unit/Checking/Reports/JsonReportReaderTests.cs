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
            "$.sites[1].colour: unknown key \"colour\". Allowed here: name, url, findings, index, durationSeconds, notes, trace.",
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
}
