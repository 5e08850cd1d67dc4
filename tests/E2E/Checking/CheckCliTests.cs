using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>The check command end to end: exit codes and report files, with a real browser.</summary>
public sealed class CheckCliTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("check-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task With_no_arguments_the_bundled_demo_site_passes_with_exit_0_and_writes_every_report()
    {
        var (exit, output, error) = await RunAsync(["--json", "r.json", "--junit", "r.xml", "--html", "r.html"]);

        exit.ShouldBe(0, output + error);
        output.ShouldContain("5 site(s), 0 error(s), 0 warning(s)");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r.json")));
        json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .ShouldBe(["home", "account", "help", "toggle", "logout"]);
        XDocument.Load(Path.Combine(folder, "r.xml")).Descendants("testcase").Count().ShouldBe(5);
        File.ReadAllText(Path.Combine(folder, "r.html")).ShouldContain("kayako.identify(");
    }

    [Test]
    public async Task Errors_found_exit_1_and_the_failing_site_keeps_a_trace()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var server = await SiteServer.StartAsync("node", token);
        File.WriteAllText(Path.Combine(folder, "playwright.config.json"), server.ConfigurationJson());

        var (exit, output, error) = await RunAsync(["--config", "playwright.config.json", "--site", "field-order"],
            new Dictionary<string, string> { ["KAYAKO_MESSENGER_TOKEN"] = token });

        exit.ShouldBe(1, output + error);
        output.ShouldContain("error identify-signature-invalid (cause: field-order)");
        (output + error).ShouldNotContain(token);
        Directory.GetFiles(Path.Combine(folder, "TestResults", "harness", "traces"), "field-order-*.zip").ShouldHaveSingleItem();
    }

    [Test]
    public async Task An_unreachable_url_is_a_finding_with_exit_1()
    {
        var (exit, output, error) = await RunAsync(["http://127.0.0.1:65533/account", "--json", "r.json"]);

        exit.ShouldBe(1, output + error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r.json")));
        json.RootElement.GetProperty("sites")[0].GetProperty("findings")[0].GetProperty("rule").GetString().ShouldBe("site-unreachable");
    }

    // The built command, run as a user runs it: its own process, its own environment.
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kayako-harness.dll"), "check", .. args])
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
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
