using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Fidelity;

/// <summary>
/// Issue 9: under <c>check</c> a page observes nothing it would not observe without the harness. Each
/// probe page (fixtures/probes/) records what it sees of <c>window.kayako</c> and of its globals at several
/// moments and reports it. It runs (a) under <c>check</c> for real, as the CLI runs it (traces on), with the
/// pages served by a fixture host through <see cref="CheckOptions.PrepareContextAsync"/>, and (b) in plain
/// Chromium: a fresh context with no init script and no binding, only a route serving
/// <see cref="MessengerStub.StandaloneScript"/> for the messenger URL and the same pages. The two records
/// must be identical; a few absolute facts are asserted too, so that both runs cannot pass by being broken
/// the same way.
/// </summary>
public sealed partial class ProbeComparisonTests
{
    private const string MessengerScriptPattern = "https://*.kayakocdn.com/messenger**";
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(15);
    private static readonly string Folder = RepositoryFixtures.PathOf("probes");

    private readonly ProbeReports underCheck = new();
    private readonly ProbeReports inPlainChromium = new();
    private FixtureHost host = null!;
    private DirectoryInfo reportDir = null!;
    private HarnessConfiguration configuration = null!;
    private CheckReport report = null!;

    public static IEnumerable<TestCaseData> Probes() =>
        HarnessConfigurationReader.Load(Path.Combine(Folder, "playwright.config.json")).Sites
            .Select(site => new TestCaseData(site.Name).SetArgDisplayNames(site.Name));

    [OneTimeSetUp]
    public async Task RunEveryProbeBothWaysAsync()
    {
        host = await FixtureHost.StartAsync(Folder);
        reportDir = Directory.CreateTempSubdirectory("kayako-probes-");
        configuration = HarnessConfigurationReader.Load(Path.Combine(Folder, "playwright.config.json")) with
        {
            // Traces of failing sites (a probe of a call before load fails check, as it should) stay out of the tree.
            Report = new ReportOptions(reportDir.FullName),
        };

        // Everything else as the CLI runs check: traces on, the default step timeout.
        report = await CheckRunner.RunAsync(configuration, new CheckOptions
        {
            Workers = 2,
            PrepareContextAsync = async (context, cancellationToken) =>
            {
                await host.AttachAsync(context, cancellationToken);
                await SecureProbeOrigin.AttachAsync(context, Folder);
                await underCheck.AttachAsync(context);
            },
        });

        await RunInPlainChromiumAsync();
        WriteRecords();
    }

    [OneTimeTearDown]
    public async Task CleanUpAsync()
    {
        await host.DisposeAsync();
        reportDir.Delete(recursive: true);
    }

    [TestCaseSource(nameof(Probes))]
    public void Each_probe_observes_the_same_under_check_as_in_plain_Chromium(string probe)
    {
        var checkRecord = CheckRecord(probe);
        var plainRecord = Single(inPlainChromium, probe, "in plain Chromium");

        var differences = ObservationDiff.Compare(checkRecord, plainRecord);

        if (differences.Count > 0)
        {
            Assert.Fail($"The probe '{probe}' differs under check from plain Chromium in {differences.Count} place(s) (records: {RecordPath(probe, "check")} and {RecordPath(probe, "plain")}):{Environment.NewLine}{ObservationDiff.Format(differences)}");
        }
    }

    [Test]
    public void Check_played_every_probe_to_the_end()
    {
        foreach (var site in report.Sites)
        {
            site.Findings.Select(f => f.Rule).ShouldNotContain(RuleIds.SiteUnreachable, site.Name);
            site.Findings.Select(f => f.Rule).ShouldNotContain(RuleIds.StepFailed, $"{site.Name}: the probe did not report in time ({string.Join(" / ", site.Findings.Select(f => f.Message))})");
        }

        // Each probe that embeds the messenger had it load under check; the one without a snippet did not.
        foreach (var site in report.Sites.Where(s => s.Name != "no-snippet"))
        {
            site.Findings.Select(f => f.Rule).ShouldNotContain(RuleIds.MessengerNotLoaded, site.Name);
        }

        report.Sites.Single(s => s.Name == "no-snippet").Findings.Select(f => f.Rule).ShouldContain(RuleIds.MessengerNotLoaded);
    }

    [Test]
    public void Under_check_kayako_does_not_exist_before_the_snippet_runs()
    {
        var record = CheckRecord("in-page");

        foreach (var seen in new[] { record["baseline"]!["kayako"]!, Moment(record, "before the snippet")["kayako"]! })
        {
            Text(seen["typeofKayako"]).ShouldBe("undefined");
            seen["inWindow"]!.GetValue<bool>().ShouldBeFalse();
            seen["bareRead"]!["ok"]!.GetValue<bool>().ShouldBeFalse();
            Text(seen["bareRead"]!["error"]!["name"]).ShouldBe("ReferenceError");
            Text(seen["bareRead"]!["error"]!["message"]).ShouldBe("kayako is not defined");
        }
    }

    [Test]
    public void Under_check_the_snippet_object_before_load_is_exactly_what_the_snippet_made()
    {
        var record = CheckRecord("in-page");
        var moment = Moment(record, "right after the snippet, before load");
        var kayako = moment["kayako"]!["object"]!;

        Strings(kayako["keys"]).ShouldBe(["readyQueue", "newEmbedCode", "ready", "_settings"]);
        Strings(kayako["ownPropertyNames"]).ShouldBe(["readyQueue", "newEmbedCode", "ready", "_settings"]);
        Text(kayako["memberTypes"]!["maximize"]).ShouldBe("undefined");
        Text(kayako["memberTypes"]!["ready"]).ShouldBe("function");
        kayako["hideInKayako"]!.GetValue<bool>().ShouldBeFalse();
        Text(kayako["featureCheckBranch"]).ShouldBe("if (kayako.hide): took the skip branch");
        kayako["readySameOnEachRead"]!.GetValue<bool>().ShouldBeTrue();
        Text(moment["kayako"]!["windowDescriptor"]!["kind"]).ShouldBe("data");
        Strings(moment["environment"]!["newGlobals"]).ShouldBe(["kayako"]);

        var maximize = record["notes"]!["kayako.maximize() before load"]!;
        maximize["ok"]!.GetValue<bool>().ShouldBeFalse();
        Text(maximize["error"]!["name"]).ShouldBe("TypeError");
        Text(maximize["error"]!["message"]).ShouldBe("kayako.maximize is not a function");
    }

    [Test]
    public void Under_check_the_messenger_extends_the_snippet_object_in_place_and_drains_the_queue_in_order()
    {
        var record = CheckRecord("in-page");
        var page = Moment(record, "first queued ready callback")["page"]!;

        page["the reference taken before load is window.kayako"]!.GetValue<bool>().ShouldBeTrue();
        Text(page["early.visibility()"]!["value"]).ShouldBe("minimized");
        page["hide in early"]!.GetValue<bool>().ShouldBeTrue();
        var order = Strings(record["end"]!["page"]!["ready callbacks ran in this order"]);
        order.Where(o => o != "ready called inside a ready callback").ShouldBe(["first queued", "second queued", "third queued (throws)", "queued at DOMContentLoaded"]);
        order.Count(o => o == "ready called inside a ready callback").ShouldBe(1);
    }

    [Test]
    public void Under_check_no_harness_global_and_no_patched_builtin_is_visible_to_any_probe()
    {
        foreach (var probe in ProbeNames())
        {
            var record = CheckRecord(probe);

            Strings(record["baseline"]!["globals"]).Where(g => HarnessName().IsMatch(g)).ShouldBeEmpty($"{probe}: globals before the page's first script");
            Strings(record["baseline"]!["patchedBuiltins"]).ShouldBeEmpty($"{probe}: built-ins already patched before the page's first script");
            Strings(record["end"]!["environment"]!["newGlobals"]).Where(g => HarnessName().IsMatch(g)).ShouldBeEmpty($"{probe}: globals at the end");
            Strings(record["end"]!["environment"]!["symbols"]).ShouldBeEmpty($"{probe}: symbols on window");
            if (probe != "instrumented")
            {
                // The instrumented page wraps console itself; every other page leaves it alone.
                foreach (var moment in record["moments"]!.AsObject())
                {
                    Strings(moment.Value!["environment"]!["watchedNotNative"]).Where(w => w.StartsWith("console.", StringComparison.Ordinal))
                        .ShouldBeEmpty($"{probe}, {moment.Key}: console methods");
                }
            }
        }
    }

    [Test]
    public void Under_check_only_the_page_and_the_messenger_call_the_functions_a_page_wrapped()
    {
        var calls = CheckRecord("instrumented")["end"]!["page"]!["calls the monitoring agent saw"]!.AsObject();

        var callers = calls.SelectMany(api => Strings(api.Value).Select(entry => $"{api.Key}: {entry}")).ToList();
        callers.Where(c => !KnownCaller().IsMatch(c)).ShouldBeEmpty("calls from something that is neither the page nor the messenger");
        callers.Where(c => c.StartsWith("console.", StringComparison.Ordinal) && c.Contains(": the messenger script", StringComparison.Ordinal))
            .ShouldBeEmpty("console output from the messenger script: the harness's channel must not be visible to the page");
    }

    [Test]
    public void Under_check_a_guard_with_no_snippet_throws_the_production_ReferenceError()
    {
        var record = CheckRecord("no-snippet");

        var uncaught = record["errors"]!.AsArray().Where(e => Text(e!["via"]) == "error event").ShouldHaveSingleItem()!;
        Text(uncaught["message"]).ShouldBe("Uncaught ReferenceError: kayako is not defined");
        Text(uncaught["filename"]).ShouldBe(FixtureHost.BaseUrl + "no-snippet.html");
        var guarded = record["notes"]!["if (kayako) in a try/catch"]!;
        Text(guarded["error"]!["name"]).ShouldBe("ReferenceError");
        record["notes"]!["typeof kayako !== \"undefined\""]!["value"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Test]
    public void Under_check_uncaught_calls_before_load_reach_the_page_as_production_TypeErrors()
    {
        var record = CheckRecord("call-before-load");

        var messages = record["errors"]!.AsArray().Where(e => Text(e!["via"]) == "error event").Select(e => Text(e!["message"])).ToList();
        messages.ShouldBe([
            "Uncaught TypeError: kayako.maximize is not a function",
            "Uncaught TypeError: kayako.on is not a function",
            "Uncaught TypeError: kayako.identify is not a function",
        ]);
        record["errors"]!.AsArray().Where(e => Text(e!["via"]) == "error event")
            .ShouldAllBe(e => e!["filename"]!.GetValue<string>() == FixtureHost.BaseUrl + "call-before-load.html");
        Text(record["notes"]!["kayako.visibility() after load"]!["value"]).ShouldBe("minimized");
    }

    [Test]
    public void Under_check_the_admin_panel_form_drives_the_snippets_own_container()
    {
        var record = CheckRecord("admin-panel");

        var before = Moment(record, "right after the snippet, before load")["kayako"]!["object"]!;
        Strings(before["keys"]).ShouldBe(["readyQueue", "ready", "_settings"]);
        before["hideInKayako"]!.GetValue<bool>().ShouldBeFalse();
        var after = Moment(record, "first queued ready callback")["page"]!;
        after["the reference taken before load is window.kayako"]!.GetValue<bool>().ShouldBeTrue();
        Text(after["early.visibility()"]!["value"]).ShouldBe("minimized");

        var controls = record["notes"]!["controls"]!;
        Size(controls["maximize()"]!["container"]!).ShouldBe(("block", "370px", "600px"));
        Size(controls["minimize()"]!["container"]!).ShouldBe(("block", "60px", "60px"));
        Text(controls["hide()"]!["container"]!["styleDisplay"]).ShouldBe("none");
        Size(controls["show()"]!["container"]!).ShouldBe(("block", "60px", "60px"));
        Strings(record["end"]!["container"]!["children"]).ShouldBe(["iframe#kayako-messenger-frame"]);
    }

    private async Task RunInPlainChromiumAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocator.Locate(configuration.Browser.ExecutablePath, configuration.Browser.Headless),
            Headless = configuration.Browser.Headless,
        });
        foreach (var site in configuration.Sites)
        {
            await using var context = await browser.NewContextAsync();
            await host.AttachAsync(context);
            await SecureProbeOrigin.AttachAsync(context, Folder);
            // Served as the harness serves it; the CORS header lets a snippet load it with crossorigin="anonymous".
            await context.RouteAsync(MessengerScriptPattern, route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "application/javascript; charset=utf-8",
                Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
                Body = MessengerStub.StandaloneScript,
            }));
            await inPlainChromium.AttachAsync(context);

            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Url.AbsoluteUri);
            (await inPlainChromium.WaitForAsync(site.Name, ReportWait)).ShouldBeTrue($"{site.Name} did not report within {ReportWait.TotalSeconds} s in plain Chromium");
        }
    }

    private void WriteRecords()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "probe-records"));
        foreach (var site in configuration.Sites)
        {
            foreach (var (run, reports) in new[] { ("check", underCheck), ("plain", inPlainChromium) })
            {
                var all = reports.Of(site.Name);
                var text = all.Count == 1 ? JsonNode.Parse(all[0])!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : $"{all.Count} reports";
                File.WriteAllText(Path.Combine(folder.FullName, $"{site.Name}.{run}.json"), text);
            }
        }
    }

    private static string RecordPath(string probe, string run) =>
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "probe-records", $"{probe}.{run}.json");

    private IEnumerable<string> ProbeNames() => configuration.Sites.Select(s => s.Name);

    // A site that fails check is played once more with a Playwright trace; the run that gave the verdict reports first.
    private JsonNode CheckRecord(string probe)
    {
        var all = underCheck.Of(probe);
        var failed = report.Sites.Single(s => s.Name == probe).Findings.Any(f => f.Severity == Severity.Error);
        all.Count.ShouldBe(failed ? 2 : 1, $"reports from the probe '{probe}' under check (a failing site is replayed for its trace)");
        return JsonNode.Parse(all[0]).ShouldNotBeNull();
    }

    private static JsonNode Single(ProbeReports reports, string probe, string run)
    {
        var all = reports.Of(probe);
        all.Count.ShouldBe(1, $"reports from the probe '{probe}' {run}");
        return JsonNode.Parse(all[0]).ShouldNotBeNull();
    }

    private static JsonNode Moment(JsonNode record, string name) =>
        record["moments"]![name].ShouldNotBeNull($"the moment '{name}' (the probe saw: {string.Join(", ", Strings(record["momentOrder"]))})");

    private static string Text(JsonNode? node) => node.ShouldNotBeNull().GetValue<string>();

    private static List<string> Strings(JsonNode? node) => [.. node.ShouldNotBeNull().AsArray().Select(n => n!.GetValue<string>())];

    private static (string Display, string Width, string Height) Size(JsonNode container) =>
        (Text(container["styleDisplay"]), Text(container["styleWidth"]), Text(container["styleHeight"]));

    [GeneratedRegex("harness|playwright|^__pw", RegexOptions.IgnoreCase)]
    private static partial Regex HarnessName();

    // "<api>: this page | ...", "<api>: probe.js | ...", "<api>: the messenger script | ...", or the bare caller (timers).
    [GeneratedRegex(@"^[A-Za-z.]+: (this page|probe\.js|the messenger script)( \||$)")]
    private static partial Regex KnownCaller();
}
