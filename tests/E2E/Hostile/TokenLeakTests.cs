using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kayako.Harness.Checking;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// Issue 10, "secrets never written": the built <c>kayako-harness check</c>, run as a user runs it (its own process,
/// the token in its environment), over fixtures/sites/hostile/leak.config.json: one site per way a page can hand the
/// token to the browser without ever printing it as one literal (the live DOM written by script from split string
/// literals, local and session storage, the title, an input's value, open and closed shadow DOM, a child frame, the
/// console, an error message, a response header, the end of a 60 MB response body, base64, a base64 blob, hex, a
/// URL-encoded link, a cookie set by script, a request body, an image's bytes) and a site whose configured URL carries
/// it. Every site also fails a step (its page answers HTTP 404 with the same leaking content), so a screenshot and a
/// trace would be kept if the token were not seen. Then every artifact is searched for the token in every form.
/// </summary>
public sealed class TokenLeakTests() : HostileSitesFixture("leak")
{
    public static readonly string[] Leaks =
    [
        "dom-script", "local-storage", "session-storage", "title", "input-value", "shadow-open", "shadow-closed", "iframe",
        "console", "error-message", "response-header", "big-body", "base64", "base64-blob", "hex", "url-encoded",
        "cookie-script", "request-body", "image-body", "config-url",
    ];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(240);

    private int exitCode;
    private string output = "";
    private string error = "";

    [OneTimeSetUp]
    public async Task RunTheLeakingSitesOnceAsync()
    {
        File.WriteAllText(Path.Combine(Folder, "playwright.config.json"), Server.ConfigurationJson("leak"));
        (exitCode, output, error) = await RunCheckAsync(
            ["--config", "playwright.config.json", "--workers", "2", "--json", "report.json", "--junit", "report.xml", "--html", "report.html"]);
    }

    // The one leak the browser does not let the harness see: the end of a body over the 10 MB Chromium keeps for tools.
    // The run says so instead (A_body_too_big_to_search_is_named_not_searched); its page shows no token.
    private const string BigBody = "big-body";

    public static IEnumerable<TestCaseData> LeakSites() =>
        Leaks.Where(leak => leak != BigBody).Select(leak => new TestCaseData(leak).SetArgDisplayNames(leak));

    [Test]
    public void The_run_ends_with_errors_found_and_reports_every_site()
    {
        exitCode.ShouldBe(1, Tail());
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "report.json")));
        json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(Leaks);
    }

    [TestCaseSource(nameof(LeakSites))]
    public void Each_way_the_token_reaches_the_browser_is_found(string leak)
    {
        var rules = Rules(leak);

        rules.ShouldContain(RuleIds.TokenExposed, $"{leak}: {string.Join(", ", rules)}");
    }

    [Test]
    public void A_body_too_big_to_search_is_named_not_searched()
    {
        output.ShouldContain("/leak/big-body", Case.Sensitive, Tail());
        output.ShouldContain("was not searched for the token: Chromium keeps at most 10 MB of a response for tools, and this one was bigger", Case.Sensitive, Tail());
    }

    [Test]
    public void No_artifact_holds_the_token_in_any_form()
    {
        var found = Secret.FindIn("stdout", Encoding.UTF8.GetBytes(output))
            .Concat(Secret.FindIn("stderr", Encoding.UTF8.GetBytes(error)))
            .Concat(Secret.FindInFolder(Folder).Where(place => !place.StartsWith("playwright.config.json:", StringComparison.Ordinal)))
            .ToList();

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Test]
    public void The_search_finds_the_token_where_it_is()
    {
        // The configuration (which carries the URL-encoded token in one site) proves the search sees what it must.
        Secret.FindIn("playwright.config.json", File.ReadAllBytes(Path.Combine(Folder, "playwright.config.json"))).ShouldNotBeEmpty();
        Secret.FindIn("probe", Encoding.UTF8.GetBytes("x" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"k\":\"" + Secret.Token + "\"}")))).ShouldNotBeEmpty();
        Secret.FindIn("probe", Encoding.UTF8.GetBytes(Convert.ToHexString(Encoding.UTF8.GetBytes("ab" + Secret.Token)))).ShouldNotBeEmpty();
    }

    [Test]
    public void No_screenshot_is_kept_of_a_site_that_showed_the_token()
    {
        // Every site of this run showed the token to the browser: none may keep a picture of its page.
        var html = File.ReadAllText(Path.Combine(Folder, "report.html"));
        // For the message: the headings of the sections that hold a picture.
        var withPictures = html.Split("<h2", StringSplitOptions.None).Skip(1)
            .Where(section => section.Contains("data:image", StringComparison.OrdinalIgnoreCase))
            .Select(section => section[(section.IndexOf('>', StringComparison.Ordinal) + 1)..].Split('<')[0].Trim())
            .Where(site => site != BigBody)
            .ToList();
        withPictures.ShouldBeEmpty("screenshots kept for: " + string.Join(", ", withPictures));
        // Screenshots are kept as files too (report.dir/screenshots, for merge): only the one site whose page shows no token has any.
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".webp")
            .Where(f => !Path.GetFileName(f).StartsWith(BigBody + "-", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Test]
    public void No_trace_is_kept_of_a_site_that_showed_the_token()
    {
        var traces = Path.Combine(Folder, "artifacts", "traces");

        (Directory.Exists(traces) ? Directory.EnumerateFiles(traces, "*", SearchOption.AllDirectories).ToList() : [])
            .Where(trace => !Path.GetFileName(trace).StartsWith(BigBody + "-", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    private List<string?> Rules(string site)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "report.json")));
        return json.RootElement.GetProperty("sites").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == site)
            .GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
    }

    private string Tail() => Secret.Redact($"stdout (end): {output[Math.Max(0, output.Length - 3000)..]}{Environment.NewLine}stderr: {error}");

    // The built command, as CheckCliTests runs it, killed (with its browser) if it outlives the deadline.
    private async Task<(int ExitCode, string Output, string Error)> RunCheckAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kayako-harness.dll"), "check", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        start.Environment["CI"] = "true";
        start.Environment["KAYAKO_MESSENGER_TOKEN"] = Secret.Token;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Deadline);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new AssertionException(Secret.Redact(
                $"check did not end within {Deadline.TotalSeconds:0} s. Its output so far:{Environment.NewLine}{await stdout}{Environment.NewLine}{await stderr}"));
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
