using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Kayako.Harness.Checking;
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
    public async Task A_crawl_of_the_demo_site_reports_each_page_as_a_site_with_the_crawl_summary_in_every_report()
    {
        var (exit, output, error) = await RunAsync(["http://demo.kayako-harness.test/", "--crawl", "--workers", "2", "--json", "r.json", "--junit", "r.xml", "--html", "r.html"]);

        exit.ShouldBe(0, output + error);
        output.ShouldContain("Crawling http://demo.kayako-harness.test/ (same-origin links, at most 50 page(s)) with 2 worker(s)");
        output.ShouldContain("Checking 4 site(s) with 2 worker(s)");
        const string summary = "Crawl of http://demo.kayako-harness.test/ (same-origin links, breadth-first): 4 page(s) found, 4 checked, none skipped.";
        output.ShouldContain(summary);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r.json")));
        json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .ShouldBe(["/", "/help.html", "/toggle.html", "/account.html"]); // the home page links them in this order
        json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(summary);
        XDocument.Load(Path.Combine(folder, "r.xml")).Descendants("testcase").Count().ShouldBe(4);
        File.ReadAllText(Path.Combine(folder, "r.html")).ShouldContain(summary);
    }

    [Test]
    public async Task An_unreachable_url_is_a_finding_with_exit_1()
    {
        var (exit, output, error) = await RunAsync(["http://127.0.0.1:65533/account", "--json", "r.json"]);

        exit.ShouldBe(1, output + error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r.json")));
        json.RootElement.GetProperty("sites")[0].GetProperty("findings")[0].GetProperty("rule").GetString().ShouldBe("site-unreachable");
    }

    [TestCase("INT", 130)]
    [TestCase("TERM", 143)]
    public async Task A_signal_stops_the_run_writes_the_sites_that_finished_and_names_the_ones_cut_short(string signal, int exitCode)
    {
        // Accepts connections (into the kernel's backlog) and never answers: that site stays open until the signal.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        File.WriteAllText(Path.Combine(folder, "playwright.config.json"), $$"""
            { "messenger": { "tokenEnv": null },
              "sites": [ { "name": "home", "url": "{{DemoSite.Origin}}", "steps": [ { "expect": { "visibility": "minimized" } } ] },
                         { "name": "silent", "url": "http://127.0.0.1:{{((IPEndPoint)silent.LocalEndpoint).Port}}/" } ] }
            """);
        using var process = Start(["--config", "playwright.config.json", "--workers", "2", "--json", "r.json", "--junit", "r.xml", "--html", "r.html"]);
        var error = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            output.AppendLine(line);
            if (line.StartsWith("PASS home", StringComparison.Ordinal) || line.StartsWith("FAIL home", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        // Bounded, so a run that ignores the signal fails this test instead of hanging the suite.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            output.Append(await process.StandardOutput.ReadToEndAsync(bound.Token));
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"check did not end within 60 s of SIG{signal}:\n{output}");
        }

        process.ExitCode.ShouldBe(exitCode, output + await error);
        (await error).ShouldContain($"check: stopped by SIG{signal}: 1 of 2 site(s) finished; cut short, and not in the reports: silent.");
        output.ToString().ShouldContain("note: The run was interrupted before 1 of 2 site(s) finished; they are not in this report: silent.");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r.json")));
        json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["home"]);
        json.RootElement.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.Contains("not in this report: silent", StringComparison.Ordinal));
        XDocument.Load(Path.Combine(folder, "r.xml")).Descendants("testcase").Select(c => c.Attribute("name")!.Value).ShouldBe(["home"]);
        File.ReadAllText(Path.Combine(folder, "r.html")).ShouldContain("not in this report: silent");
    }

    [Test]
    public async Task A_page_throwing_in_a_loop_is_one_script_error_with_its_count()
    {
        // 300 identical uncaught errors while the page loads.
        const string page = "<!doctype html><title>loop</title><script>for (let i = 0; i < 300; i++) setTimeout(function tick() { throw new Error('tick'); });</script>";
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var serving = ServeAsync(server, page);

        var (exit, output, error) = await RunAsync([$"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/", "--json", "r.json"]);

        exit.ShouldBe(1, output + error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r.json")));
        var scriptErrors = json.RootElement.GetProperty("sites")[0].GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "script-error").ToList();
        var finding = scriptErrors.ShouldHaveSingleItem();
        finding.GetProperty("count").GetInt32().ShouldBeGreaterThan(1);
        finding.GetProperty("message").GetString()!.ShouldContain("Error: tick");
        output.ShouldContain($"error script-error, {finding.GetProperty("count").GetInt32()} times, at opening");
        server.Stop();
        await serving;
    }

    // Answers every request with the page until the listener stops.
    private static async Task ServeAsync(TcpListener server, string page)
    {
        var body = Encoding.UTF8.GetBytes(page);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        while (true)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (client)
            {
                var stream = client.GetStream();
                var request = new byte[8192];
                _ = await stream.ReadAsync(request);
                await stream.WriteAsync(head);
                await stream.WriteAsync(body);
            }
        }
    }

    // The built command, run as a user runs it: its own process, its own environment.
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private Process Start(string[] args, IReadOnlyDictionary<string, string>? environment = null)
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

        return Process.Start(start)!;
    }
}
