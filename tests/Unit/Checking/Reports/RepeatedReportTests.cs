using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>
/// A run with <c>--repeat-each</c> in every report: a flaky site says so, each finding says in how many runs it
/// appeared, and a run played once writes exactly what it always wrote.
/// </summary>
public sealed class RepeatedReportTests
{
    private static readonly CheckReport Report = SampleReport.Repeated();

    [Test]
    public void Json_carries_the_runs_of_each_site_and_finding_and_reads_back_whole()
    {
        var text = ShardedReports.Json(Report);

        var json = JsonNode.Parse(text)!;
        var racy = json["sites"]![0]!;
        racy["repeat"]!.ToJsonString().ShouldBe("""{"runs":6,"failedRuns":[2,4],"flaky":true,"shownRun":2}""");
        racy["findings"]!.AsArray().Select(f => f!["runs"]!.GetValue<int>()).ShouldBe([2, 2]);
        json["sites"]![2]!["repeat"]!["flaky"]!.GetValue<bool>().ShouldBeFalse();
        json["run"]!["repeatEach"]!.GetValue<int>().ShouldBe(6);
        ShardedReports.Json(JsonReportReader.Read(text, "repeated.json")).ShouldBe(text);
    }

    [Test]
    public void A_run_played_once_writes_none_of_the_repeat_keys()
    {
        var text = ShardedReports.Json(SampleReport.Create());

        text.ShouldNotContain("\"repeat\"");
        text.ShouldNotContain("\"runs\"");
        text.ShouldNotContain("\"repeatEach\"");
        JsonReportReader.Read(text, "once.json").RepeatEach.ShouldBe(1);
    }

    [Test]
    public void Repeat_values_that_cannot_be_are_named_by_their_path()
    {
        var json = JsonNode.Parse(ShardedReports.Json(Report))!;
        json["sites"]![0]!["repeat"]!["runs"] = 0;
        json["sites"]![1]!["repeat"]!["shownRun"] = 7;
        json["sites"]![1]!["findings"]![0]!["runs"] = "six";
        json["run"]!["repeatEach"] = 101;

        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(json.ToJsonString(), "edited.json"));

        problem.Problems.ShouldContain(p => p.StartsWith("$.sites[0].repeat.runs:", StringComparison.Ordinal));
        problem.Problems.ShouldContain(p => p.StartsWith("$.sites[1].repeat.shownRun:", StringComparison.Ordinal));
        problem.Problems.ShouldContain(p => p.StartsWith("$.sites[1].findings[0].runs:", StringComparison.Ordinal));
        problem.Problems.ShouldContain(p => p.StartsWith("$.run.repeatEach:", StringComparison.Ordinal));
    }

    [Test]
    public void The_console_marks_the_flaky_site_and_says_in_how_many_runs_each_finding_appeared()
    {
        var output = new StringWriter();
        var console = new ConsoleReporter(output, colour: false);

        foreach (var site in Report.Sites)
        {
            console.SiteFinished(site);
        }

        console.WriteSummary(Report);

        var text = output.ToString();
        text.ShouldContain("FLAKY racy (flaky: 2 of 6 runs failed; 2 error(s), 0 warning(s), 9.00 s)");
        text.ShouldContain("FAIL always-broken (6 of 6 runs failed; 1 error(s)");
        text.ShouldContain("PASS always-clean (all 6 runs passed; 0 error(s)");
        text.ShouldContain("  error called-before-ready, in 2 of 6 runs");
        text.ShouldContain("  error step-failed, in 2 of 6 runs");
        text.ShouldContain("  error called-before-ready, in 6 of 6 runs");
        text.ShouldContain("racy           FLAKY        2");
        text.ShouldContain("3 site(s), 3 error(s), 0 warning(s), 1 flaky (each site played 6 times) in 12.0 s");
    }

    [Test]
    public void A_console_summary_of_a_run_played_once_is_unchanged()
    {
        var output = new StringWriter();

        new ConsoleReporter(output, colour: false).WriteSummary(SampleReport.Create());

        output.ToString().ShouldNotContain("flaky");
        output.ToString().ShouldContain("2 site(s), 2 error(s), 1 warning(s) in 2.0 s");
    }

    [Test]
    public void JUnit_fails_the_flaky_test_case_and_gives_its_runs_as_properties_and_in_each_failure()
    {
        var junit = XDocument.Parse(SampleReport.Render(JUnitReportWriter.Write, Report));

        var racy = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "racy");
        racy.Element("properties")!.Elements("property").Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}")
            .ShouldBe(["flaky=true", "runs=6", "failedRuns=2"]);
        racy.Elements("failure").Select(f => (string?)f.Attribute("message")).ShouldAllBe(m => m!.Contains("(in 2 of 6 runs, flaky)"));
        junit.Root!.Attribute("failures")!.Value.ShouldBe("2");
        var clean = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "always-clean");
        clean.Elements("failure").ShouldBeEmpty();
        clean.Element("properties")!.Elements("property").First().Attribute("value")!.Value.ShouldBe("false");
    }

    [Test]
    public void Sarif_results_say_in_how_many_runs_in_their_message_and_properties()
    {
        using var sarif = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, Report));

        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(3);
        results[0].GetProperty("message").GetProperty("text").GetString().ShouldBe("kayako.maximize(…) ran before the messenger loaded (in 2 of 6 runs; the site is flaky)");
        var properties = results[0].GetProperty("properties");
        (properties.GetProperty("runs").GetInt32(), properties.GetProperty("repeatEach").GetInt32(), properties.GetProperty("flaky").GetBoolean()).ShouldBe((2, 6, true));
        results[2].GetProperty("message").GetProperty("text").GetString().ShouldEndWith("(in 6 of 6 runs)");
        results[2].GetProperty("properties").GetProperty("flaky").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public void GitHub_annotations_title_the_flaky_site_and_count_the_runs()
    {
        var output = new StringWriter();

        GitHubAnnotations.Write(Report, output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("::error title=called-before-ready on racy (flaky)::http://racy.test/race: kayako.maximize(…) ran before the messenger loaded (in 2 of 6 runs, flaky)");
        lines[2].ShouldBe("::error title=called-before-ready on always-broken::http://racy.test/broken: kayako.maximize(…) ran before the messenger loaded (in 6 of 6 runs)");
    }

    [Test]
    public async Task Html_shows_the_flaky_verdict_and_the_runs_of_each_finding()
    {
        var html = await SampleReport.RenderHtmlAsync(Report);

        html.ShouldContain("flaky: 2 of 6 runs failed");
        html.ShouldContain("in 2 of 6 runs");
        html.ShouldContain("in 6 of 6 runs");
        html.ShouldContain("1 flaky");
        html.ShouldContain("(each site played 6 times)");
    }

    [Test]
    public void Shards_of_a_repeated_run_merge_into_the_report_of_the_whole_run()
    {
        var whole = Report with { Sites = [.. Report.Sites.Select((site, i) => site with { Index = i })] };
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(whole, 2));

        var merged = ReportMerger.Merge(shards);

        merged.RepeatEach.ShouldBe(6);
        static string Runs(SiteResult site) => $"{site.Repeat!.Runs} [{string.Join(",", site.Repeat.FailedRuns)}] {site.Repeat.Flaky} {site.Repeat.ShownRun}";
        merged.Sites.Select(Runs).ShouldBe(whole.Sites.Select(Runs));
        merged.Sites.SelectMany(s => s.Findings.Select(f => (s.Name, f.Rule, f.Runs))).ShouldBe(whole.Sites.SelectMany(s => s.Findings.Select(f => (s.Name, f.Rule, f.Runs))));
        merged.Flaky.ShouldBe(1);
    }

    [Test]
    public void Shards_played_a_different_number_of_times_are_refused()
    {
        var shards = ShardedReports.RoundTrip(ShardedReports.Split(ShardedReports.Whole(), 2));
        var other = (shards[1].Source, shards[1].Report with { RepeatEach = 6 });

        var problem = Should.Throw<ReportMergeException>(() => ReportMerger.Merge([shards[0], other]));

        problem.Message.ShouldBe("the reports are of different repeat counts (--repeat-each): shard-1.json has 1; shard-2.json has 6. Give every shard the same --repeat-each N.");
    }
}
