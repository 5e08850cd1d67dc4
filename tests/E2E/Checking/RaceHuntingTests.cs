using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.E2E.Tests.Hostile;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// Issue 14, race hunting: <c>--repeat-each N</c> over fixtures/sites/racy, whose server decides per page load whether
/// the page's bundle or the messenger wins, so every expectation is exact: the racy site is flaky with the count of runs
/// its pattern breaks, a site broken every time is a plain failure, a clean one passes, the trace and screenshots are
/// those of a failing run, a site that never answers ends within its budget in every run, and shards merge into the
/// report of the whole run.
/// </summary>
public sealed class RaceHuntingTests
{
    private const int Runs = 6;

    private TokenSearch secret = null!;
    private RacyServer server = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task StartTheRacyServerAsync()
    {
        secret = TokenSearch.NewToken("racy");
        server = await RacyServer.StartAsync(secret.Token);
    }

    [OneTimeTearDown]
    public async Task StopTheRacyServerAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("race-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Repeated_runs_on_two_workers_find_the_race_with_the_exact_count_and_keep_one_failing_run()
    {
        var configuration = HarnessConfigurationReader.Parse(server.ConfigurationJson("workers"), "racy.config.json");
        var racyUrl = configuration.Sites.Single(s => s.Name == "racy").Url;
        var broken = RacyServer.BrokenLoads(RacyServer.PatternOf(racyUrl), Runs);
        broken.Length.ShouldBeInRange(1, Runs - 1, "the fixture's racy pattern must break some runs and not others");

        var run = await InProcessCheck.RunAsync(configuration, new CheckOptions { Workers = 2, RepeatEach = Runs, Token = secret.Token }, folder, TimeSpan.FromSeconds(150));

        // Flaky, each finding in exactly the runs the server broke; which runs those were depends on how the two workers took the loads.
        var racy = run.Site("racy");
        racy.Flaky.ShouldBeTrue(run.Console);
        racy.Passed.ShouldBeFalse();
        var repeat = racy.Repeat.ShouldNotBeNull();
        repeat.Runs.ShouldBe(Runs);
        repeat.FailedRuns.Count.ShouldBe(broken.Length, run.Console);
        racy.Findings.Select(f => f.Rule).ShouldBe([RuleIds.StepFailed, RuleIds.CalledBeforeReady, RuleIds.ControlStateMismatch], ignoreOrder: true);
        racy.Findings.ShouldAllBe(f => f.Runs == broken.Length);
        run.Console.ShouldContain($"FLAKY racy (flaky: {broken.Length} of {Runs} runs failed;");
        run.Console.ShouldContain($"error called-before-ready, in {broken.Length} of {Runs} runs");

        // What the site shows is a failing run's: its failed click with the screenshot, and a trace of a replay that failed the same way.
        repeat.ShownRun.ShouldBe(repeat.FailedRuns.Min());
        var click = racy.Steps.Single(s => s.Step is ClickStep);
        click.Outcome.ShouldBe(StepOutcome.Failed);
        File.Exists(click.ScreenshotPath.ShouldNotBeNull()).ShouldBeTrue();
        File.Exists(racy.TracePath.ShouldNotBeNull()).ShouldBeTrue();
        racy.Notes.ShouldContain(n => n.StartsWith($"Played {Runs} times, each in a fresh context: {broken.Length} failed (runs {string.Join(", ", repeat.FailedRuns)}). The runs disagree: flaky", StringComparison.Ordinal));
        racy.Notes.ShouldContain(n => n.Contains($"Playwright trace of a replay made after the {Runs} runs, which failed as run {repeat.ShownRun} did", StringComparison.Ordinal));

        // Broken in every run: a plain failure. Clean in every run: a pass.
        var always = run.Site("always-broken");
        always.Flaky.ShouldBeFalse();
        always.Repeat!.FailedRuns.ShouldBe(Enumerable.Range(1, Runs));
        always.Findings.ShouldNotBeEmpty();
        always.Findings.ShouldAllBe(f => f.Runs == Runs);
        var clean = run.Site("always-clean");
        (clean.Passed, clean.Flaky, clean.Findings.Count, clean.TracePath).ShouldBe((true, false, 0, (string?)null));
        clean.Repeat!.Describe().ShouldBe($"all {Runs} runs passed");
        run.Report.Flaky.ShouldBe(1);

        // Bounded artifacts: one trace per failing site and the one screenshot of the run shown, not one per run.
        Directory.GetFiles(Path.Combine(run.ReportDir, "traces")).Select(Path.GetFileName).ShouldBe(
            [Path.GetFileName(racy.TracePath), Path.GetFileName(always.TracePath!)], ignoreOrder: true);
        Directory.GetFiles(Path.Combine(run.ReportDir, "screenshots")).ShouldHaveSingleItem();

        // Every report says it.
        using var json = JsonDocument.Parse(File.ReadAllText(run.JsonPath));
        var jsonRacy = json.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "racy");
        jsonRacy.GetProperty("repeat").GetProperty("flaky").GetBoolean().ShouldBeTrue();
        jsonRacy.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("runs").GetInt32()).ShouldAllBe(runs => runs == broken.Length);
        json.RootElement.GetProperty("run").GetProperty("repeatEach").GetInt32().ShouldBe(Runs);
        var testCase = XDocument.Load(run.JUnitPath).Descendants("testcase").Single(t => t.Attribute("name")!.Value == "racy");
        testCase.Descendants("property").Single(p => p.Attribute("name")!.Value == "flaky").Attribute("value")!.Value.ShouldBe("true");
        testCase.Elements("failure").ShouldNotBeEmpty();
        File.ReadAllText(run.HtmlPath).ShouldContain($"flaky: {broken.Length} of {Runs} runs failed");

        // The token is in no artifact, traces included.
        secret.FindInFolder(folder).ShouldBeEmpty();
    }

    [Test]
    public async Task The_trace_replay_is_tried_again_while_the_race_goes_the_other_way_and_says_whether_it_caught_it()
    {
        // Two runs in order (one worker): the first load breaks, the second does not; the replays take the loads after them.
        var configuration = HarnessConfigurationReader.Parse($$"""
            { "messenger": { "tokenEnv": null, "clicksBeforeLoad": false },
              "sites": [ { "name": "caught", "url": "{{server.Origin}}race?run=replays&pattern=bmmb", "steps": [ { "expect": { "visibility": "maximized" } } ] },
                         { "name": "missed", "url": "{{server.Origin}}race?run=replays&pattern=bmmmmm", "steps": [ { "expect": { "visibility": "maximized" } } ] } ] }
            """, "replays.config.json");

        var run = await InProcessCheck.RunAsync(configuration, new CheckOptions { Workers = 1, RepeatEach = 2 }, folder, TimeSpan.FromSeconds(120));

        // bmmb: loads 3 (m) and 4 (b) are the replays; the second fails as run 1 did.
        var caught = run.Site("caught");
        caught.Repeat!.FailedRuns.ShouldBe([1]);
        caught.Notes.ShouldContain(n => n.Contains("Playwright trace of a replay made after the 2 runs, which failed as run 1 did (called-before-ready, control-state-mismatch)", StringComparison.Ordinal));
        // bmmmmm: loads 3, 4 and 5 (m, m, m) are the three replays; none fails, and the note says so. The trace is still kept.
        var missed = run.Site("missed");
        missed.Repeat!.FailedRuns.ShouldBe([1]);
        missed.Notes.ShouldContain(n => n.Contains("In 3 replay(s) the race went the other way: none failed as run 1 did", StringComparison.Ordinal));
        File.Exists(missed.TracePath.ShouldNotBeNull()).ShouldBeTrue();
    }

    [Test]
    public async Task A_site_that_never_answers_ends_within_its_budget_in_every_run()
    {
        const int budget = 5;
        var configuration = HarnessConfigurationReader.Parse($$"""
            { "siteBudgetSeconds": {{budget}}, "messenger": { "tokenEnv": null, "clicksBeforeLoad": false },
              "sites": [ { "name": "never", "url": "{{server.Origin}}race/never" } ] }
            """, "never.config.json");

        var run = await InProcessCheck.RunAsync(configuration, new CheckOptions { Workers = 2, RepeatEach = 2 }, folder, TimeSpan.FromSeconds(90));

        var never = run.Site("never");
        never.Flaky.ShouldBeFalse();
        never.Findings.Single(f => f.Rule == RuleIds.SiteTimedOut).Runs.ShouldBe(2);
        // Both runs side by side, each within its budget, then one traced replay within another: two budgets and a margin.
        run.WallTimes["never"].ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(2 * budget + 6), run.Console);
    }

    [Test]
    public async Task Shards_of_a_repeated_run_merge_into_what_the_unsharded_run_reports()
    {
        const int runs = 3;
        File.WriteAllText(Path.Combine(folder, "whole.json"), server.ConfigurationJson("whole"));
        File.WriteAllText(Path.Combine(folder, "sharded.json"), server.ConfigurationJson("sharded"));
        var environment = new Dictionary<string, string> { ["KAYAKO_MESSENGER_TOKEN"] = secret.Token };
        string[] common = ["--repeat-each", $"{runs}", "--workers", "1"];

        var whole = await RunAsync(["check", "--config", "whole.json", .. common, "--json", "whole-report.json"], environment);
        var first = await RunAsync(["check", "--config", "sharded.json", .. common, "--shard", "1/2", "--json", "shard-1.json"], environment);
        var second = await RunAsync(["check", "--config", "sharded.json", .. common, "--shard", "2/2", "--json", "shard-2.json"], environment);
        var merged = await RunAsync(["merge", "shard-1.json", "shard-2.json", "--json", "merged.json"]);

        whole.ExitCode.ShouldBe(1, whole.Output + whole.Error);
        new[] { first.ExitCode, second.ExitCode }.ShouldAllBe(code => code == 0 || code == 1, first.Error + second.Error);
        merged.ExitCode.ShouldBe(1, merged.Output + merged.Error);
        merged.Output.ShouldContain($"1 flaky (each site played {runs} times)");
        var expected = Sites("whole-report.json");
        Sites("merged.json").ShouldBe(expected);
        // One worker plays the runs in order, so the runs the pattern breaks are the runs that failed.
        var racyUrl = HarnessConfigurationReader.Parse(server.ConfigurationJson("whole"), "whole.json").Sites.Single(s => s.Name == "racy").Url;
        var racy = $"racy {{\"runs\":{runs},\"failedRuns\":[{string.Join(",", RacyServer.BrokenLoads(RacyServer.PatternOf(racyUrl), runs))}],\"flaky\":true,\"shownRun\":1}} ";
        expected.ShouldContain(site => site.StartsWith(racy, StringComparison.Ordinal), string.Join(Environment.NewLine, expected));
    }

    [Test]
    public async Task A_crawl_plays_each_page_it_finds_as_many_times_and_crawls_once()
    {
        var run = await RunAsync(["check", "http://demo.kayako-harness.test/", "--crawl", "--repeat-each", "2", "--workers", "2", "--json", "crawl.json"]);

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Output.ShouldContain("Checking 4 site(s), each 2 times in a fresh context with 2 worker(s)");
        run.Output.ShouldContain("4 site(s), 0 error(s), 0 warning(s), 0 flaky (each site played 2 times)");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "crawl.json")));
        json.RootElement.GetProperty("sites").EnumerateArray().Select(site => site.GetProperty("repeat").GetRawText())
            .ShouldAllBe(repeat => repeat.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
                                   == """{"runs":2,"failedRuns":[],"flaky":false,"shownRun":1}""");
        json.RootElement.GetProperty("notes").EnumerateArray().ShouldContain(note => note.GetString()!.Contains("4 page(s) found, 4 checked", StringComparison.Ordinal));
    }

    // Each site's repeat object and its findings' rules and run counts, as the JSON report has them.
    private List<string> Sites(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, report)));
        return [.. json.RootElement.GetProperty("sites").EnumerateArray().Select(site =>
            $"{site.GetProperty("name").GetString()} {site.GetProperty("repeat").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)}" +
            string.Concat(site.GetProperty("findings").EnumerateArray().Select(f => $" {f.GetProperty("rule").GetString()}:{f.GetProperty("runs").GetInt32()}")))];
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kayako-harness.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"kayako-harness {string.Join(" ", args)} did not end within 180 s.");
        }

        return (process.ExitCode, await output, await error);
    }
}
