using System.Xml.Linq;
using Kayako.Harness.E2E.Tests.Remote;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Packaging;

/// <summary>
/// What a user gets from <c>dotnet pack</c>: the three libraries, and the README's NUnit example run from a project
/// of its own (<c>samples/MessengerTests</c>) that references the packed <c>Kayako.Harness.NUnit</c>.
/// The packages get a version no earlier run used and are restored into a package folder of their own, so a package
/// NuGet kept from another run can never stand in for them; NUnit, Playwright and the rest come from the machine's
/// package folder when it has them (read only), from nuget.org otherwise.
/// </summary>
[Category("Packaging")]
public sealed class PackagedLibrariesTests
{
    private readonly string _version = Packing.NewVersion();
    private string _work = "";
    private string _feed = "";

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        _work = Directory.CreateTempSubdirectory("kayako-packaging-").FullName;
        _feed = Path.Combine(_work, "feed");
        var run = await Packing.PackLibrariesAsync(_work, _feed, _version);
        run.ExitCode.ShouldBe(0, run.Output);
        await TestContext.Progress.WriteLineAsync($"packed the libraries {_version} in {run.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public void RemoveWork()
    {
        if (_work.Length > 0)
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public void Pack_produces_the_three_libraries_each_depending_on_the_same_version()
    {
        // Act
        var packages = Directory.GetFiles(_feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Assert
        packages.ShouldBe([.. Packing.Libraries.Select(id => $"{id}.{_version}.nupkg").Order(StringComparer.Ordinal)]);
        foreach (var library in Packing.Libraries)
        {
            using var package = Packing.Open(_feed, library, _version);
            package.GetEntry($"lib/net10.0/{library}.dll").ShouldNotBeNull(library);
            package.GetEntry($"lib/net10.0/{library}.xml").ShouldNotBeNull($"{library}'s XML docs");
        }

        Dependencies("Kayako.Harness.Signing").ShouldBeEmpty("Kayako.Harness.Signing has no package dependencies");
        Dependencies("Kayako.Harness").ShouldContain(("Kayako.Harness.Signing", _version));
        Dependencies("Kayako.Harness.NUnit").ShouldContain(("Kayako.Harness", _version));
    }

    [Test]
    public async Task The_README_example_runs_from_a_project_of_its_own_against_the_packed_NUnit_library()
    {
        // Arrange: the sample as a user has it, outside the repository, with a feed of the packed libraries and a
        // run settings file; one more test of ours beside it checks that the run settings reach the browser.
        var sample = Path.Combine(_work, "MessengerTests");
        CopyFolder(Path.Combine(Packing.RepositoryRoot, "samples", "MessengerTests"), sample);
        await File.WriteAllTextAsync(Path.Combine(sample, "NuGet.config"), NuGetConfig(_feed));
        await File.WriteAllTextAsync(Path.Combine(sample, "test.runsettings"), RunSettings);
        await File.WriteAllTextAsync(Path.Combine(sample, "RunSettingsTests.cs"), RunSettingsTest);
        var packages = Path.Combine(_work, "packages");
        var results = Path.Combine(_work, "results");

        // Act
        var run = await DotnetProcess.RunAsync(sample, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages }, Packing.CommandTimeout,
            "test", "-c", "Release", $"-p:KayakoHarnessVersion={_version}", "-p:NuGetAudit=false", "--settings", "test.runsettings",
            "--logger", "trx;LogFileName=sample.trx", "--results-directory", results);
        await TestContext.Progress.WriteLineAsync($"restored, built and tested the sample in {run.Elapsed.TotalSeconds:0.0} s");

        // Assert
        run.ExitCode.ShouldBe(0, run.Output);
        Outcomes(Path.Combine(results, "sample.trx")).ShouldBe(
            [("Chat_button_opens_the_messenger", "Passed"), ("Run_settings_launch_options_reach_the_browser", "Passed")]);
        foreach (var library in Packing.Libraries)
        {
            Directory.Exists(Path.Combine(packages, library.ToLowerInvariant(), _version)).ShouldBeTrue($"{library} {_version} was restored from the feed");
        }
    }

    [Test]
    public async Task A_MessengerPageTest_suite_runs_on_a_Playwright_server_its_ConnectOptionsAsync_names()
    {
        // Arrange: a Playwright server that logs each client it serves and each browser it launches for one.
        var suite = await RemoteSuiteAsync();
        await using var server = await RemoteBrowserProcess.StartPlaywrightServerAsync(logConnections: true);
        var endpoint = $"{server.Endpoint}?launch-options={Uri.EscapeDataString(RemoteBrowserProcess.LaunchOptionsJson)}";

        // Act
        var run = await RunRemoteSuiteAsync(suite, "connect", new Dictionary<string, string> { [RemoteEndpointVariable] = endpoint });

        // Assert: the specs passed, and every browser they had was launched by the server for a client that came
        // with the endpoint's own query, which only ConnectOptionsAsync sends.
        run.ExitCode.ShouldBe(0, run.Output);
        Outcomes(Path.Combine(suite, "results", "connect.trx")).ShouldBe(RemoteSpecs);
        var served = ServedConnections(server);
        served.ShouldNotBeEmpty(string.Join('\n', server.Output));
        served.ShouldAllBe(url => url.Contains("launch-options=", StringComparison.Ordinal));
        server.Output.Count(line => line.Contains("engaged launch mode for \"chromium\"", StringComparison.Ordinal)).ShouldBe(served.Count);
    }

    [Test]
    public async Task A_MessengerPageTest_suite_runs_on_the_Playwright_server_of_Playwright_s_service_variables()
    {
        // Arrange: no ConnectOptionsAsync (the suite's returns null without its variable); Playwright.NUnit's own
        // PLAYWRIGHT_SERVICE_URL and PLAYWRIGHT_SERVICE_ACCESS_TOKEN, and the executable in the run settings, which
        // Playwright.NUnit sends the server as its launch options.
        var suite = await RemoteSuiteAsync();
        await using var server = await RemoteBrowserProcess.StartPlaywrightServerAsync(logConnections: true);

        // Act
        var run = await RunRemoteSuiteAsync(suite, "service", new Dictionary<string, string>
        {
            ["PLAYWRIGHT_SERVICE_URL"] = server.Endpoint,
            ["PLAYWRIGHT_SERVICE_ACCESS_TOKEN"] = "not-checked-by-a-local-server",
        }, "--settings", "remote.runsettings");

        // Assert: the server served clients with the query Playwright.NUnit builds from those variables.
        run.ExitCode.ShouldBe(0, run.Output);
        Outcomes(Path.Combine(suite, "results", "service.trx")).ShouldBe(RemoteSpecs);
        var served = ServedConnections(server);
        served.ShouldNotBeEmpty(string.Join('\n', server.Output));
        served.ShouldAllBe(url => url.Contains("api-version=", StringComparison.Ordinal) && url.Contains("os=linux", StringComparison.Ordinal));
        server.Output.Count(line => line.Contains("engaged launch mode for \"chromium\"", StringComparison.Ordinal)).ShouldBe(served.Count);
    }

    private const string RemoteEndpointVariable = "KAYAKO_E2E_PLAYWRIGHT_SERVER";

    private static readonly (string, string)[] RemoteSpecs = [("Chat_button_opens_the_messenger", "Passed"), ("The_call_log_has_the_ready_callback_s_maximize", "Passed")];

    // The suite is built once against the packed libraries; each test runs it against a server of its own.
    private Task<string>? remoteSuite;

    private Task<string> RemoteSuiteAsync() => remoteSuite ??= BuildRemoteSuiteAsync();

    private async Task<string> BuildRemoteSuiteAsync()
    {
        var suite = Path.Combine(_work, "RemoteTests");
        CopyFolder(Path.Combine(Packing.RepositoryRoot, "samples", "MessengerTests"), suite);
        File.Delete(Path.Combine(suite, "ChatButtonTests.cs"));
        await File.WriteAllTextAsync(Path.Combine(suite, "NuGet.config"), NuGetConfig(_feed));
        await File.WriteAllTextAsync(Path.Combine(suite, "RemoteTests.cs"), RemoteSuite);
        await File.WriteAllTextAsync(Path.Combine(suite, "remote.runsettings"), RemoteRunSettings);
        var run = await DotnetProcess.RunAsync(suite, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") }, Packing.CommandTimeout,
            "build", "-c", "Release", $"-p:KayakoHarnessVersion={_version}", "-p:NuGetAudit=false");
        run.ExitCode.ShouldBe(0, run.Output);
        await TestContext.Progress.WriteLineAsync($"restored and built the remote suite in {run.Elapsed.TotalSeconds:0.0} s");
        return suite;
    }

    private async Task<DotnetRun> RunRemoteSuiteAsync(string suite, string name, Dictionary<string, string> environment, params string[] arguments)
    {
        environment["NUGET_PACKAGES"] = Path.Combine(_work, "packages");
        var run = await DotnetProcess.RunAsync(suite, environment, Packing.CommandTimeout,
            ["test", "--no-build", "-c", "Release", "--logger", $"trx;LogFileName={name}.trx", "--results-directory", Path.Combine(suite, "results"), .. arguments]);
        await TestContext.Progress.WriteLineAsync($"ran the remote suite ({name}) in {run.Elapsed.TotalSeconds:0.0} s");
        return run;
    }

    // The path and query of each client the server served (its DEBUG=pw:server line "[N] serving connection: /?...").
    private static List<string> ServedConnections(RemoteBrowserProcess server) =>
        [.. server.Output.Select(line => line.Split("serving connection: ", 2)).Where(parts => parts.Length == 2).Select(parts => parts[1])];

    private IEnumerable<(string Id, string Version)> Dependencies(string library)
    {
        using var package = Packing.Open(_feed, library, _version);
        return [.. Packing.Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))];
    }

    // Each test's name and outcome, by name.
    private static List<(string Name, string Outcome)> Outcomes(string trx) =>
        [.. XDocument.Load(trx).Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Select(e => ((string)e.Attribute("testName")!, (string)e.Attribute("outcome")!))
            .OrderBy(result => result.Item1, StringComparer.Ordinal)];

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue; // a build of the sample made in the repository
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    // Kayako.Harness* only from the packed feed (so the test needs no network for them, and nothing on nuget.org can
    // stand in); everything else from the machine's package folder (read only) or, when it lacks one, nuget.org.
    private static string NuGetConfig(string feed)
    {
        var machine = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(machine) ? $"""<fallbackPackageFolders><add key="machine" value="{machine}" /></fallbackPackageFolders>""" : "";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="packed"><package pattern="Kayako.Harness*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              {fallback}
            </configuration>
            """;
    }

    // A user's suite on a remote browser, as the README tells it: ConnectOptionsAsync overridden in the base class of
    // every test of the assembly (Playwright.NUnit keeps one browser per worker), the endpoint from a variable.
    private const string RemoteSuite = $$"""
        using Kayako.Harness.Messenger;
        using Kayako.Harness.NUnit;
        using Microsoft.Playwright;
        using NUnit.Framework;

        public abstract class RemotePageTest : MessengerPageTest
        {
            protected override string? FixtureFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "wwwroot");

            public override Task<(string, BrowserTypeConnectOptions?)?> ConnectOptionsAsync() =>
                Environment.GetEnvironmentVariable("{{RemoteEndpointVariable}}") is { Length: > 0 } endpoint
                    ? Task.FromResult<(string, BrowserTypeConnectOptions?)?>((endpoint, null))
                    : base.ConnectOptionsAsync();
        }

        public sealed class ChatButtonTests : RemotePageTest
        {
            [Test]
            public async Task Chat_button_opens_the_messenger()
            {
                await Page.GotoAsync(PageUrl("index.html"));
                await Messenger.WaitForReadyAsync();
                await Page.ClickAsync("#chat");
                await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);
            }
        }

        public sealed class CallLogTests : RemotePageTest
        {
            [Test]
            public async Task The_call_log_has_the_ready_callback_s_maximize()
            {
                await Page.GotoAsync(PageUrl("index.html"));
                await Messenger.WaitForReadyAsync();
                await Page.ClickAsync("#chat");
                await Session.CallLog.WaitForAsync<MessengerCall>(call => call.Method == "maximize", TimeSpan.FromSeconds(5));
            }
        }
        """;

    // Playwright.NUnit sends the run settings' launch options to a service it connects to by its variables.
    private const string RemoteRunSettings = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <RunSettings>
          <Playwright>
            <LaunchOptions>
              <ExecutablePath>{RemoteBrowserProcess.HeadlessShell}</ExecutablePath>
              <Headless>true</Headless>
            </LaunchOptions>
          </Playwright>
        </RunSettings>
        """;

    private const string UserAgent = "KayakoRunSettings/1.0";

    private const string RunSettings = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <RunSettings>
          <Playwright>
            <LaunchOptions>
              <Args>['--user-agent={UserAgent}']</Args>
            </LaunchOptions>
          </Playwright>
        </RunSettings>
        """;

    private const string RunSettingsTest = $$"""
        using Kayako.Harness.NUnit;
        using NUnit.Framework;

        public sealed class RunSettingsTests : MessengerPageTest
        {
            [Test]
            public async Task Run_settings_launch_options_reach_the_browser()
            {
                var response = await Page.GotoAsync(PageUrl("toggle.html"));
                Assert.That(await response!.Request.HeaderValueAsync("user-agent"), Is.EqualTo("{{UserAgent}}"));
            }
        }
        """;
}
