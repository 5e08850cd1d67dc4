using System.Text.Json.Nodes;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

public sealed class ReportMergerTests
{
    // The JSON report without what differs by nature between one run and merged shards: its times and shard, and the note saying it was merged.
    private static string Comparable(CheckReport report)
    {
        var json = JsonNode.Parse(ShardedReports.Json(report))!.AsObject();
        json.Remove("run");
        if (json["notes"] is JsonArray notes)
        {
            foreach (var merged in notes.Where(n => n!.GetValue<string>().StartsWith("Merged from", StringComparison.Ordinal)).ToList())
            {
                notes.Remove(merged);
            }
        }

        return json.ToJsonString();
    }

    [TestCase(13, 4)]
    [TestCase(13, 3)]
    [TestCase(3, 4)]
    [TestCase(1, 1)]
    public void Merged_shards_give_the_report_of_one_run(int sites, int shards)
    {
        var whole = ShardedReports.Whole(sites);

        var merged = ReportMerger.Merge(ShardedReports.RoundTrip(ShardedReports.Split(whole, shards)));

        Comparable(merged).ShouldBe(Comparable(whole));
        SampleReport.Render(JUnitReportWriter.Write, merged with { Duration = whole.Duration, Notes = whole.Notes })
            .ShouldBe(SampleReport.Render(JUnitReportWriter.Write, whole));
        merged.Errors.ShouldBe(whole.Errors);
        merged.Shard.ShouldBeNull();
        merged.ConfigurationHash.ShouldBe(ShardedReports.Hash);
        merged.StartedAt.ShouldBe(whole.StartedAt + TimeSpan.FromSeconds(1));
        merged.EndedAt.ShouldBe(whole.StartedAt + TimeSpan.FromSeconds(shards + 3));
        merged.Notes.ShouldContain(n => n.StartsWith($"Merged from the reports of {shards} shard(s): shard-1.json", StringComparison.Ordinal) );
        merged.Notes.ShouldNotContain(n => n.Contains("HTML report", StringComparison.Ordinal), "the merged HTML report shows the steps and timelines itself");
    }

    [Test]
    public async Task The_merged_html_report_is_the_one_of_one_run_screenshots_included()
    {
        var folder = Directory.CreateTempSubdirectory("kayako-merge-").FullName;
        try
        {
            // As check keeps them: each failed step's screenshot in memory for its own HTML report, and in a file the JSON names.
            var whole = WithScreenshots(ShardedReports.Whole(), step =>
            {
                var path = Path.Combine(folder, $"{step.Step.JsonPath}.png");
                File.WriteAllBytes(path, SampleReport.Png);
                return step with { Screenshot = SampleReport.Png, ScreenshotPath = path };
            });

            var merged = ReportMerger.Merge(ShardedReports.RoundTrip(ShardedReports.Split(whole, 3)));

            merged.Sites.SelectMany(s => s.Steps).ShouldAllBe(step => step.Screenshot == null, "a report read back names its screenshots, the HTML report reads them");
            var html = await SampleReport.RenderHtmlAsync(merged with { Duration = whole.Duration, Notes = whole.Notes });
            html.ShouldBe(await SampleReport.RenderHtmlAsync(whole));
            html.ShouldContain("data:image/png;base64," + Convert.ToBase64String(SampleReport.Png));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_screenshot_file_the_merge_cannot_find_is_named_where_the_image_would_be()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kayako-no-such-folder-{Guid.NewGuid():N}", "site-1-step-1.png");
        var whole = WithScreenshots(ShardedReports.Whole(), step => step with { ScreenshotPath = missing });

        var merged = ReportMerger.Merge(ShardedReports.RoundTrip(ShardedReports.Split(whole, 3)));
        var html = await SampleReport.RenderHtmlAsync(merged);

        html.ShouldNotContain("data:image/png");
        html.ShouldContain($"The screenshot file <code>{missing}</code> is not there: a merge shows the screenshots only with each shard");
        merged.Sites.SelectMany(s => s.Steps).Count(s => s.ScreenshotPath == missing).ShouldBe(4);
    }

    private static CheckReport WithScreenshots(CheckReport report, Func<StepResult, StepResult> keep) => report with
    {
        Sites = [.. report.Sites.Select(site => site with { Steps = [.. site.Steps.Select(step => step.ScreenshotPath is null ? step : keep(step))] })],
    };

    [Test]
    public void The_order_of_the_files_does_not_matter()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 4));

        var reversed = ReportMerger.Merge([.. Enumerable.Reverse(shards)]);

        reversed.Sites.Select(s => s.Name).ShouldBe(ReportMerger.Merge(shards).Sites.Select(s => s.Name));
        reversed.Sites.Select(s => s.Index).ShouldBe(Enumerable.Range(0, 13));
    }

    [Test]
    public void A_missing_shard_is_refused_and_named()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 4));

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge([shards[0], shards[1], shards[3]]));

        problem.Message.ShouldBe("shard 3/4 is missing: the merged report would lack its sites; give the JSON reports of all 4 shards.");
    }

    [Test]
    public void A_shard_given_twice_is_refused_naming_both_files()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 2));
        var again = ("copy-of-shard-1.json", shards[0].Report);

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge([shards[0], shards[1], again]));

        problem.Message.ShouldContain("shard 1/2 is in more than one report: shard-1.json, copy-of-shard-1.json");
        problem.Message.ShouldContain("is in more than one report: shard-1.json, copy-of-shard-1.json; a site belongs to one shard");
    }

    [Test]
    public void Reports_of_different_configurations_are_refused_naming_the_files()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 2));
        var other = (shards[1].Source, shards[1].Report with { ConfigurationHash = "0000" });

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge([shards[0], other]));

        problem.Message.ShouldBe(
            $"the reports are of different configurations: shard-1.json has {ShardedReports.Hash}; shard-2.json has 0000. " +
            "Each shard must check the same configuration file; run every shard again from one commit.");
    }

    [Test]
    public void Reports_of_different_harness_versions_or_shard_counts_are_refused()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 2));
        var other = (shards[1].Source, shards[1].Report with { HarnessVersion = "0.9.0", Shard = new Shard(2, 3) });

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge([shards[0], other]));

        problem.Problems.ShouldContain(p => p.StartsWith("the reports are of different harness versions: shard-1.json has ", StringComparison.Ordinal) && p.Contains("shard-2.json has 0.9.0", StringComparison.Ordinal));
        problem.Problems.ShouldContain("the reports are of different shard counts: shard-1.json has 2; shard-2.json has 3. Give every shard the same N in --shard I/N.");
    }

    [Test]
    public void A_report_of_an_unsharded_run_is_refused()
    {
        var whole = ShardedReports.RoundTrip([ShardedReports.Whole()]);

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge(whole));

        problem.Message.ShouldStartWith("shard-1.json was not written by a sharded run;");
    }

    [Test]
    public void Two_sites_claiming_one_place_are_refused()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 2));
        var moved = shards[1].Report with { Sites = [.. shards[1].Report.Sites.Select(s => s with { Index = shards[0].Report.Sites[0].Index })] };

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge([shards[0], (shards[1].Source, moved)]));

        problem.Message.ShouldContain($"both claim place {shards[0].Report.Sites[0].Index} in the configuration");
    }
}
