using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.E2E.Tests.Checking;
using Kayako.Harness.Hosting;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Remote;

/// <summary>
/// <c>check</c> on remote browsers, all on loopback: a Playwright server (from the driver Microsoft.Playwright ships)
/// and a Chromium DevTools endpoint, both started and killed by these tests. The same configurations give the same
/// findings locally, over the server and over CDP, with routing (the stub, the fake API, a fixture host, the demo
/// site) done in this process; a browser killed mid-run fails only the sites it had not finished, and the run ends.
/// </summary>
[NonParallelizable]
public sealed class RemoteCheckTests
{
    // The launch options header takes its value from this variable, as a service's credentials would.
    private static readonly string LaunchOptionsVariable = $"KAYAKO_E2E_LAUNCH_OPTIONS_{Environment.ProcessId}";
    private static readonly string RulesFolder = Path.Combine(SiteServer.SitesRoot, "rules");
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(3);

    private RemoteBrowserProcess server = null!;
    private RemoteBrowserProcess cdp = null!;
    private readonly Dictionary<string, CheckReport> rules = [];
    private readonly Dictionary<string, CheckReport> demo = [];

    public static readonly string[] Modes = ["local", "playwright-server", "cdp"];

    [OneTimeSetUp]
    public async Task CheckEachConfigurationEachWayAsync()
    {
        Environment.SetEnvironmentVariable(LaunchOptionsVariable, RemoteBrowserProcess.LaunchOptionsJson);
        server = await RemoteBrowserProcess.StartPlaywrightServerAsync();
        cdp = await RemoteBrowserProcess.StartCdpBrowserAsync();
        await using var host = await FixtureHost.StartAsync(RulesFolder);
        foreach (var mode in Modes)
        {
            rules[mode] = await CheckRunner.RunAsync(Read(Path.Combine(RulesFolder, "playwright.config.json"), Connect(mode)), new CheckOptions
            {
                Workers = 2,
                StepTimeout = TimeSpan.FromSeconds(2),
                KeepTraces = false,
                PrepareContextAsync = host.AttachAsync,
            }).WaitAsync(RunBound);
            demo[mode] = await CheckRunner.RunAsync(DemoSite.Configuration() with { Browser = new BrowserOptions { Connect = ConnectionOf(mode) } },
                new CheckOptions { Workers = 2, KeepTraces = false, Token = DemoSite.DefaultToken }).WaitAsync(RunBound);
        }
    }

    [OneTimeTearDown]
    public async Task StopTheBrowsersAsync()
    {
        Environment.SetEnvironmentVariable(LaunchOptionsVariable, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (cdp is not null)
        {
            await cdp.DisposeAsync();
        }
    }

    [TestCase("playwright-server")]
    [TestCase("cdp")]
    public void The_rule_sites_give_the_same_findings_as_on_the_local_browser(string mode)
    {
        var expected = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(RulesFolder, "expected-findings.json")))!;

        Findings(rules[mode]).ShouldBe(Findings(rules["local"]));
        foreach (var (site, findings) in expected)
        {
            rules[mode].Sites.Single(s => s.Name == site).Findings.Select(f => f.Rule).ShouldBe(findings, $"{site} over {mode}");
        }

        rules[mode].Notes.ShouldBe(rules["local"].Notes);
    }

    [TestCase("playwright-server")]
    [TestCase("cdp")]
    public void The_demo_site_gives_the_same_verdict_as_on_the_local_browser(string mode)
    {
        demo[mode].Sites.Select(s => s.Name).ShouldBe(demo["local"].Sites.Select(s => s.Name));
        Findings(demo[mode]).ShouldBe(Findings(demo["local"]));
        demo[mode].TokenChecked.ShouldBeTrue();
        demo[mode].Sites.ShouldAllBe(site => site.Steps.All(step => step.Outcome == StepOutcome.Passed));
    }

    // Killed as the third site starts, before it touches the browser; or inside it, once its context is open and its
    // page is about to load, so the site's own calls fail under it.
    [TestCase("playwright-server", false)]
    [TestCase("cdp", false)]
    [TestCase("playwright-server", true)]
    [TestCase("cdp", true)]
    public async Task A_browser_killed_mid_run_fails_the_sites_it_had_not_finished_and_the_run_ends(string mode, bool insideTheSite)
    {
        await using var victim = mode == "cdp" ? await RemoteBrowserProcess.StartCdpBrowserAsync() : await RemoteBrowserProcess.StartPlaywrightServerAsync();
        var configuration = DemoSite.Configuration() with { Browser = new BrowserOptions { Connect = ConnectionOf(mode, victim) } };
        var progress = new KillOnStart(victim, killAt: 3, insideTheSite);

        var report = await CheckRunner.RunAsync(configuration, new CheckOptions
        {
            Workers = 1,
            KeepTraces = false,
            Token = DemoSite.DefaultToken,
            Progress = progress,
            PrepareContextAsync = progress.ContextOpenedAsync,
        }).WaitAsync(RunBound);

        progress.Killed.ShouldBeTrue();
        report.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(configuration.SiteBudgetSeconds), "the run ended without waiting out a site's budget");

        report.Sites.Count.ShouldBe(configuration.Sites.Count, "every site is in the report");
        var finished = progress.Started.Take(2).ToList();
        var lost = progress.Started.Skip(2).ToList();
        lost.Count.ShouldBe(configuration.Sites.Count - 2);
        foreach (var name in finished)
        {
            report.Sites.Single(s => s.Name == name).Findings.ShouldBeEmpty($"{name} finished before the browser went away");
        }

        foreach (var name in lost)
        {
            var finding = report.Sites.Single(s => s.Name == name).Findings.ShouldHaveSingleItem();
            finding.Rule.ShouldBe(RuleIds.SiteUnreachable);
            finding.Message.ShouldContain("The browser went away");
            finding.Message.ShouldContain(mode == "cdp" ? "the Chromium DevTools endpoint at http://127.0.0.1:" : "the Playwright server at ws://127.0.0.1:");
        }

        report.Notes.ShouldContain(note => note.Contains("The browser went away during the run", StringComparison.Ordinal) &&
                                           note.Contains($"the {lost.Count} of {configuration.Sites.Count} site(s)", StringComparison.Ordinal) &&
                                           lost.All(name => note.Contains(name, StringComparison.Ordinal)));
    }

    [TestCase("ws://user:hunter2@127.0.0.1:1/?token=s3cret", "the Playwright server at ws://127.0.0.1:1/")]
    [TestCase("http://127.0.0.1:1/?token=s3cret", "the Chromium DevTools endpoint at http://127.0.0.1:1/")]
    public async Task An_endpoint_nobody_listens_on_is_an_environment_error_without_its_credentials(string endpoint, string named)
    {
        var configuration = DemoSite.Configuration() with { Browser = new BrowserOptions { Connect = BrowserConnection.FromUrl(endpoint, "test") } };

        var error = await Should.ThrowAsync<RemoteBrowserException>(() => CheckRunner.RunAsync(configuration, new CheckOptions { Workers = 1 }).WaitAsync(RunBound));

        error.Category.ShouldBe(Kayako.Harness.Signing.HarnessErrorCategory.Environment);
        error.Message.ShouldContain($"Could not connect to {named}");
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("s3cret");
    }

    [Test]
    public async Task The_connect_option_checks_the_demo_on_a_playwright_server_named_by_url_alone()
    {
        var endpoint = $"{server.Endpoint}?launch-options={Uri.EscapeDataString(RemoteBrowserProcess.LaunchOptionsJson)}";

        var (exit, output, error) = await RunCliAsync(Directory.CreateTempSubdirectory("remote-cli-").FullName, ["--connect", endpoint], []);

        exit.ShouldBe(0, output + error);
        output.ShouldContain($"{DemoSite.Configuration().Sites.Count} site(s), 0 error(s)");
    }

    [Test]
    public async Task The_connect_option_overrides_the_configured_endpoint_and_keeps_its_headers()
    {
        var folder = Directory.CreateTempSubdirectory("remote-cli-").FullName;
        // The configured endpoint listens nowhere: only --connect's can make the run pass, and only with the header.
        await File.WriteAllTextAsync(Path.Combine(folder, "c.json"), $$"""
            { "browser": { "connect": { "wsEndpoint": "ws://127.0.0.1:1/", "headers": { "x-playwright-launch-options": "{{LaunchOptionsVariable}}" } } },
              "messenger": { "tokenEnv": null },
              "sites": [ { "name": "home", "url": "{{DemoSite.Origin}}" } ] }
            """);

        var (exit, output, error) = await RunCliAsync(folder, ["--config", "c.json", "--connect", server.Endpoint, "--json", "r.json"],
            new Dictionary<string, string> { [LaunchOptionsVariable] = RemoteBrowserProcess.LaunchOptionsJson });

        exit.ShouldBe(0, output + error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "r.json")));
        report.RootElement.GetProperty("sites").GetArrayLength().ShouldBe(1);
        (output + error).ShouldNotContain(RemoteBrowserProcess.LaunchOptionsJson);
    }

    // The built command, run as a user runs it: its own process, its own environment.
    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(string folder, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kayako-harness.dll"), "check", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["CI"] = "true";
        start.Environment.Remove(LaunchOptionsVariable);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(RunBound);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    private BrowserConnection? ConnectionOf(string mode, RemoteBrowserProcess? process = null) => mode switch
    {
        "local" => null,
        "cdp" => new BrowserConnection(new Uri((process ?? cdp).Endpoint), true, new Dictionary<string, string>()),
        _ => new BrowserConnection(new Uri((process ?? server).Endpoint), false,
            new Dictionary<string, string> { ["x-playwright-launch-options"] = LaunchOptionsVariable }),
    };

    // The connect section written into the file, so the reader is part of what is proved.
    private JsonObject? Connect(string mode) => mode switch
    {
        "local" => null,
        "cdp" => new JsonObject { ["cdpEndpoint"] = cdp.Endpoint },
        _ => new JsonObject { ["wsEndpoint"] = server.Endpoint, ["headers"] = new JsonObject { ["x-playwright-launch-options"] = LaunchOptionsVariable } },
    };

    private static HarnessConfiguration Read(string file, JsonObject? connect)
    {
        var document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        if (connect is not null)
        {
            document["browser"] = new JsonObject { ["connect"] = connect };
        }

        return HarnessConfigurationReader.Parse(document.ToJsonString(), file);
    }

    private static List<string> Findings(CheckReport report) =>
        [.. report.Sites.SelectMany(site => site.Findings.Select(f => $"{site.Name}: {f.Rule} {f.Severity} step {f.Step}"))];

    // Kills the browser as the given site starts (1-based, in the order sites start; one worker), or when that
    // site's first context has been opened.
    private sealed class KillOnStart(RemoteBrowserProcess victim, int killAt, bool insideTheSite) : ICheckProgress
    {
        private readonly Lock gate = new();

        public List<string> Started { get; } = [];

        public bool Killed { get; private set; }

        public void SiteStarted(string name)
        {
            lock (gate)
            {
                Started.Add(name);
                if (Started.Count == killAt && !insideTheSite)
                {
                    Kill();
                }
            }
        }

        public Task ContextOpenedAsync(Microsoft.Playwright.IBrowserContext context, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (Started.Count == killAt && insideTheSite && !Killed)
                {
                    Kill();
                }
            }

            return Task.CompletedTask;
        }

        public void SiteFinished(SiteResult result)
        {
        }

        private void Kill()
        {
            victim.Kill();
            Killed = true;
        }
    }
}
