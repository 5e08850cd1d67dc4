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
        merged.Notes.ShouldContain(n => n.StartsWith($"Merged from the reports of {shards} shard(s): shard-1.json", StringComparison.Ordinal) && n.Contains("HTML report", StringComparison.Ordinal));
    }

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
