using System.Text.Json;
using System.Xml.Linq;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Tests.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary><c>merge</c> in process: shards written by hand-made runs, merged into the reports of one run.</summary>
public sealed class MergeCommandTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("merge-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private List<string> WriteShards(CheckReport whole, int count) =>
        [.. ShardedReports.Split(whole, count).Select((shard, i) =>
        {
            var path = Path.Combine(folder, $"shard-{i + 1}.json");
            File.WriteAllText(path, ShardedReports.Json(shard));
            return path;
        })];

    [Test]
    public async Task Merging_shards_with_errors_writes_every_report_and_exits_1()
    {
        var whole = ShardedReports.Whole();
        var shards = WriteShards(whole, 4);
        var json = Path.Combine(folder, "out", "report.json");
        var junit = Path.Combine(folder, "out", "report.xml");
        var html = Path.Combine(folder, "out", "report.html");

        var run = await CliRun.RunAsync(["merge", .. shards, "--json", json, "--junit", junit, "--html", html]);

        run.ExitCode.ShouldBe(1, run.All);
        run.Output.ShouldContain($"Merged 4 shard report(s): {whole.Sites.Count} site(s)");
        using var merged = JsonDocument.Parse(File.ReadAllText(json));
        merged.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(whole.Sites.Select(s => s.Name));
        merged.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBe(whole.Errors);
        merged.RootElement.GetProperty("run").GetProperty("shard").ValueKind.ShouldBe(JsonValueKind.Null);
        XDocument.Load(junit).Descendants("testcase").Count().ShouldBe(whole.Sites.Count);
        File.ReadAllText(html).ShouldContain("Merged from the reports of 4 shard(s)");
    }

    [Test]
    public async Task Merging_shards_writes_a_sarif_report_with_every_finding_of_the_run_once()
    {
        var whole = ShardedReports.Whole();
        var shards = WriteShards(whole, 4);
        var sarif = Path.Combine(folder, "out", "report.sarif");

        var run = await CliRun.RunAsync(["merge", .. shards, "--sarif", sarif]);

        run.ExitCode.ShouldBe(1, run.All);
        using var merged = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = merged.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Select(r => (r.GetProperty("properties").GetProperty("site").GetString(), r.GetProperty("ruleId").GetString(), r.GetProperty("message").GetProperty("text").GetString()))
            .ShouldBe(whole.Sites.SelectMany(s => s.Findings.Select(f => ((string?)s.Name, (string?)f.Rule, (string?)f.Message))));
        Directory.GetFiles(Path.Combine(folder, "out")).ShouldBe([sarif]);
    }

    [Test]
    public async Task Merging_clean_shards_exits_0_even_with_an_empty_shard()
    {
        var shards = WriteShards(ShardedReports.Whole(sites: 1), 3);

        var run = await CliRun.RunAsync(["merge", .. shards]);

        run.ExitCode.ShouldBe(0, run.All);
    }

    [Test]
    public async Task A_missing_shard_exits_2_naming_it()
    {
        var shards = WriteShards(ShardedReports.Whole(), 4);

        var run = await CliRun.RunAsync(["merge", shards[0], shards[1], shards[3]]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("kayako-harness merge: shard 3/4 is missing: the merged report would lack its sites; give the JSON reports of all 4 shards." + Environment.NewLine);
    }

    [Test]
    public async Task Unreadable_and_invalid_reports_are_all_named_with_their_files_and_paths()
    {
        var shards = WriteShards(ShardedReports.Whole(), 2);
        File.WriteAllText(shards[1], File.ReadAllText(shards[1]).Replace("\"severity\"", "\"level\"", StringComparison.Ordinal));
        var missing = Path.Combine(folder, "shard-3.json");

        var run = await CliRun.RunAsync(["merge", shards[0], shards[1], missing]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{shards[1]} is not a JSON report of kayako-harness check");
        run.Error.ShouldContain("].level: unknown key \"level\"");
        run.Error.ShouldContain($"cannot read the report '{missing}'");
    }

    [Test]
    public async Task Merge_needs_at_least_one_report()
    {
        var run = await CliRun.RunAsync("merge");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no reports were given; give the JSON report of every shard, like: kayako-harness merge shard-1.json");
    }

    [Test]
    public async Task A_merged_report_is_never_written_over_a_shard_report()
    {
        var shards = WriteShards(ShardedReports.Whole(), 2);
        var before = File.ReadAllText(shards[1]);

        var run = await CliRun.RunAsync(["merge", .. shards, "--json", shards[1]]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"--json {shards[1]} is also one of the reports to merge");
        File.ReadAllText(shards[1]).ShouldBe(before);
    }
}
