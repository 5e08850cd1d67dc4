using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.E2E.Tests.Hostile;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Remote;

/// <summary>
/// The token-leak sites (<see cref="TokenLeakTests"/>) checked on a browser in another process: a Playwright server on
/// loopback, started and killed here. The token scan, the redaction and the trace search all run in our client, so a
/// remote browser must find every leak the local one does, and no report, trace or screenshot may hold the token.
/// </summary>
[NonParallelizable]
public sealed class RemoteTokenLeakTests() : HostileSitesFixture("leak")
{
    private static readonly string LaunchOptionsVariable = $"KAYAKO_E2E_LEAK_LAUNCH_OPTIONS_{Environment.ProcessId}";

    private RemoteBrowserProcess server = null!;
    private InProcessCheck run = null!;

    [OneTimeSetUp]
    public async Task CheckTheLeakingSitesOverAPlaywrightServerAsync()
    {
        Environment.SetEnvironmentVariable(LaunchOptionsVariable, RemoteBrowserProcess.LaunchOptionsJson);
        server = await RemoteBrowserProcess.StartPlaywrightServerAsync();
        var connection = new BrowserConnection(new Uri(server.Endpoint), false,
            new Dictionary<string, string> { ["x-playwright-launch-options"] = LaunchOptionsVariable });
        run = await CheckInProcessAsync(Configuration() with { Browser = new BrowserOptions { Connect = connection } }, TimeSpan.FromSeconds(240));
    }

    [OneTimeTearDown]
    public async Task StopTheServerAsync()
    {
        Environment.SetEnvironmentVariable(LaunchOptionsVariable, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public static IEnumerable<TestCaseData> LeakSites() =>
        TokenLeakTests.Leaks.Where(leak => leak != "big-body").Select(leak => new TestCaseData(leak).SetArgDisplayNames(leak));

    [TestCaseSource(nameof(LeakSites))]
    public void Each_way_the_token_reaches_the_remote_browser_is_found(string leak)
    {
        var rules = run.Site(leak).Findings.Select(f => f.Rule).ToList();

        rules.ShouldContain(RuleIds.TokenExposed, $"{leak} over the Playwright server: {string.Join(", ", rules)}");
    }

    [Test]
    public void No_report_trace_or_screenshot_holds_the_token()
    {
        run.Report.Sites.Select(s => s.Name).ShouldBe(TokenLeakTests.Leaks);
        var found = Secret.FindInFolder(run.Folder);

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }
}
