using Kayako.Harness.Configuration;
using Kayako.Harness.Tests.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// <c>--base-url</c> and <c>KAYAKO_HARNESS_BASE_URL</c> override <c>baseUrl</c> (option, then variable, then file), and
/// a sign-in variable that is not set stops check with exit 2 before any browser starts, naming it and its path.
/// </summary>
[NonParallelizable]
public sealed class CheckBaseUrlTests
{
    private const string Relative = """{ "browser": { "executablePath": "/nonexistent/chromium" }, "sites": [ { "name": "home", "url": "/account" } ] }""";

    [TearDown]
    public void ClearVariable() => Environment.SetEnvironmentVariable(HarnessConfigurationReader.BaseUrlVariable, null);

    [Test]
    public async Task A_relative_site_url_without_any_base_is_a_usage_error_naming_the_site()
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", CheckCli.WriteConfig(Relative));

        exit.ShouldBe(2, error);
        error.ShouldContain("$.sites[0].url: \"/account\" is relative, and no base URL is given");
    }

    [Test]
    public async Task The_option_wins_over_the_variable()
    {
        Environment.SetEnvironmentVariable(HarnessConfigurationReader.BaseUrlVariable, "not a url");

        var (exit, _, error) = await CheckCli.RunAsync("--config", CheckCli.WriteConfig(Relative), "--base-url", "ftp://example.com/");

        exit.ShouldBe(2, error);
        error.ShouldContain("--base-url: a ftp:// URL is not an absolute http or https URL");
        error.ShouldNotContain(HarnessConfigurationReader.BaseUrlVariable + ":");
    }

    [Test]
    public async Task The_variable_wins_over_the_file()
    {
        Environment.SetEnvironmentVariable(HarnessConfigurationReader.BaseUrlVariable, "staging");
        var config = CheckCli.WriteConfig("""{ "baseUrl": "https://staging.example.com/", "sites": [ { "name": "home", "url": "/account" } ] }""");

        var (exit, _, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(2, error);
        error.ShouldContain($"{HarnessConfigurationReader.BaseUrlVariable}: \"staging\" is not an absolute http or https URL");
    }

    [Test]
    public async Task A_password_variable_that_is_not_set_is_a_usage_error_naming_it_and_its_path()
    {
        var unset = $"KAYAKO_TEST_UNSET_{Guid.NewGuid():N}";
        var config = CheckCli.WriteConfig($$"""
            { "browser": { "executablePath": "/nonexistent/chromium", "httpCredentials": { "usernameEnv": "{{unset}}", "passwordEnv": "{{unset}}" } },
              "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }
            """);

        var (exit, _, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(2, error);
        error.ShouldContain($"$.browser.httpCredentials.passwordEnv: the HTTP password comes from the environment variable {unset}, which is not set");
    }
}
