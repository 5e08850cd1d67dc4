using System.Diagnostics;
using System.Security.Cryptography;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.E2E.Tests.Hostile;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// Sign-in against a real PHP backend (fixtures/sites/signin): a page behind HTTP basic auth, one behind a header,
/// a login form whose session cookie a members page needs. Signed in (credentials, headers, a set-up that fills the
/// form), every page passes; signed out, each is refused; a failing set-up checks no site and names its step; and
/// the password, the header's value and the session cookie are in no report, console line or trace.
/// </summary>
public sealed class SignInCheckTests
{
    private static readonly string Folder = RepositoryFixtures.PathOf("sites/signin");

    private readonly string user = "qa-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private readonly TokenSearch password = TokenSearch.NewToken("pw");
    private readonly TokenSearch header = TokenSearch.NewToken("key");
    private readonly TokenSearch session = TokenSearch.NewToken("sid");
    private readonly string suffix = Guid.NewGuid().ToString("N");
    private BackendProcess server = null!;

    private string UserVariable => "KAYAKO_TEST_USER_" + suffix;

    private string PasswordVariable => "KAYAKO_TEST_PASSWORD_" + suffix;

    private string HeaderVariable => "KAYAKO_TEST_KEY_" + suffix;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Environment.SetEnvironmentVariable(UserVariable, user);
        Environment.SetEnvironmentVariable(PasswordVariable, password.Token);
        Environment.SetEnvironmentVariable(HeaderVariable, header.Token);
        var start = new ProcessStartInfo("php", ["-S", "127.0.0.1:0", "-t", Folder]);
        start.Environment["SIGNIN_USER"] = user;
        start.Environment["SIGNIN_PASSWORD"] = password.Token;
        start.Environment["SIGNIN_HEADER"] = header.Token;
        start.Environment["SIGNIN_SESSION"] = session.Token;
        server = await BackendProcess.StartAsync(start, "messenger-token-" + suffix);
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        foreach (var variable in new[] { UserVariable, PasswordVariable, HeaderVariable })
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        await server.DisposeAsync();
    }

    private string Credentials => $$""" "httpCredentials": { "usernameEnv": "{{UserVariable}}", "passwordEnv": "{{PasswordVariable}}" } """;

    private string Headers => $$""" "headers": { "X-Staging-Key": "{{HeaderVariable}}" } """;

    private string Setup(string click = "#sign-in") => $$"""
        "setup": { "url": "/login.php", "steps": [ { "fill": "#email", "value": "qa@example.com" },
                   { "fill": "#password", "valueEnv": "{{PasswordVariable}}" }, { "click": "{{click}}" } ] }
        """;

    private const string Sites = """
        "sites": [ { "name": "basic", "url": "/basic.php" }, { "name": "header", "url": "/header.php" }, { "name": "members", "url": "members.php" } ]
        """;

    private HarnessConfiguration Configuration(string members, BaseUrlOverride? baseUrl = null) =>
        HarnessConfigurationReader.Parse($$"""{ "messenger": { "tokenEnv": null }, {{members}} }""", Path.Combine(Folder, "playwright.config.json"),
            baseUrl ?? new BaseUrlOverride(server.Origin.AbsoluteUri, "the test's server"));

    private static Task<CheckReport> RunAsync(HarnessConfiguration configuration) =>
        CheckRunner.RunAsync(configuration, new CheckOptions { Workers = 2, KeepTraces = false });

    private static string Describe(CheckReport report) =>
        string.Join(Environment.NewLine, report.Sites.SelectMany(site => site.Findings.Select(f => $"{site.Name}: {f.Rule}: {f.Message}")));

    [Test]
    public async Task Signed_in_with_credentials_a_header_and_a_setup_per_worker_every_page_passes()
    {
        // The file's baseUrl is production's (nothing listens there); the override points the run at this server.
        var configuration = Configuration($$""" "baseUrl": "http://127.0.0.1:1/", "browser": { {{Credentials}}, {{Headers}} }, {{Setup()}}, {{Sites}} """);

        var report = await RunAsync(configuration);

        report.Sites.Select(site => site.Url).ShouldBe([new Uri(server.Origin, "/basic.php"), new Uri(server.Origin, "/header.php"), new Uri(server.Origin, "/members.php")]);
        report.Sites.ShouldAllBe(site => site.Passed, Describe(report));
    }

    [Test]
    public async Task Signed_out_each_page_is_refused()
    {
        var report = await RunAsync(Configuration(Sites));

        report.Sites.Select(site => site.Findings.ShouldHaveSingleItem().Rule).ShouldBe([RuleIds.SiteUnreachable, RuleIds.SiteUnreachable, RuleIds.SiteUnreachable]);
        report.Sites[0].Findings[0].Message.ShouldContain("HTTP 401");
        report.Sites[1].Findings[0].Message.ShouldContain("HTTP 403");
        report.Sites[2].Findings[0].Message.ShouldContain("HTTP 403");
    }

    [Test]
    public async Task A_failing_setup_checks_no_site_and_names_its_step()
    {
        var configuration = Configuration($$""" "browser": { {{Credentials}}, {{Headers}} }, {{Setup(click: "#no-such-button")}}, {{Sites}} """);

        var report = await RunAsync(configuration);

        report.Sites.Count.ShouldBe(3);
        foreach (var site in report.Sites)
        {
            var finding = site.Findings.ShouldHaveSingleItem();
            finding.Rule.ShouldBe(RuleIds.SiteUnreachable);
            finding.Message.ShouldContain("was not checked: the set-up's step 2 (click \"#no-such-button\") ($.setup.steps[2]) failed");
            site.Steps.ShouldBeEmpty();
        }
    }

    [Test]
    public async Task A_storage_state_file_signs_every_context_in_and_the_setup_starts_from_it()
    {
        var state = Path.Combine(Path.GetTempPath(), $"kayako-state-{suffix}.json");
        await File.WriteAllTextAsync(state, $$"""
            { "cookies": [ { "name": "sid", "value": "{{Uri.EscapeDataString(session.Token)}}", "domain": "127.0.0.1", "path": "/",
                             "expires": -1, "httpOnly": true, "secure": false, "sameSite": "Lax" } ], "origins": [] }
            """);
        try
        {
            // The set-up opens the members page, which only a signed-in session sees: it passes only from the file's cookie.
            var configuration = Configuration($$"""
                "browser": { "storageState": "{{state}}" }, "setup": { "url": "/members.php" },
                "sites": [ { "name": "members", "url": "/members.php" } ]
                """);

            var report = await RunAsync(configuration);

            report.Sites.ShouldHaveSingleItem().Passed.ShouldBeTrue(Describe(report));
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Test]
    public async Task A_missing_variable_stops_the_run_before_any_browser_naming_it_and_its_path()
    {
        var unset = "KAYAKO_TEST_UNSET_" + suffix;
        var configuration = Configuration($$""" "browser": { "headers": { "X-Staging-Key": "{{unset}}" } }, {{Sites}} """);

        var error = await Should.ThrowAsync<ConfigurationException>(() => RunAsync(configuration));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$.browser.headers['X-Staging-Key']");
        problem.Message.ShouldContain(unset);
    }

    [Test]
    public async Task No_report_console_line_or_trace_holds_the_password_the_header_or_the_session_cookie()
    {
        // Failing sites (an expectation nobody meets) make the run replay them traced: the traces would hold the
        // Authorization header, the X-Staging-Key header, the session cookie and the typed password.
        var configuration = Configuration($$"""
            "browser": { {{Credentials}}, {{Headers}} }, {{Setup()}},
            "sites": [ { "name": "members", "url": "/members.php", "steps": [ { "expect": { "identified": true } } ] },
                       { "name": "basic", "url": "/basic.php", "steps": [ { "expect": { "identified": true } } ] },
                       { "name": "form", "url": "/login.php", "steps": [ { "fill": "#password", "valueEnv": "{{PasswordVariable}}" }, { "expect": { "identified": true } } ] } ]
            """);
        var folder = Directory.CreateTempSubdirectory("kayako-signin-leak-").FullName;
        try
        {
            var run = await InProcessCheck.RunAsync(configuration, new CheckOptions { Workers = 2 }, folder, TimeSpan.FromMinutes(3));

            run.Report.Sites.ShouldAllBe(site => !site.Passed && site.TracePath == null);
            run.Report.Sites.ShouldAllBe(site => site.Notes.Any(note => note.StartsWith("No Playwright trace was kept for this site: a secret of the run", StringComparison.Ordinal)),
                string.Join(Environment.NewLine, run.Report.Sites.SelectMany(site => site.Notes)));
            foreach (var secret in new[] { password, header, session })
            {
                secret.FindInFolder(folder).ShouldBeEmpty();
                secret.FindIn("console", System.Text.Encoding.UTF8.GetBytes(run.Console)).ShouldBeEmpty();
            }

            run.Console.ShouldNotContain(user);
            File.ReadAllText(run.JsonPath).ShouldNotContain(user);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
