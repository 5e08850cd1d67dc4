using Kayako.Harness.Hosting;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>The check command's usage and environment exits, which are decided before any browser starts.</summary>
public sealed class CheckCommandTests
{
    private const string OneSite = """{ "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }""";

    [Test]
    public async Task An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var (exit, _, error) = await CheckCli.RunAsync("https://staging.example.com/", "--bogus");

        exit.ShouldBe(2);
        error.ShouldContain("--bogus");
        error.ShouldContain("kayako-harness check --help");
    }

    [Test]
    public async Task An_option_without_its_value_is_a_usage_error()
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config");

        exit.ShouldBe(2);
        error.ShouldContain("Required argument missing for option: '--config'");
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-3")]
    public async Task A_bad_worker_count_is_a_usage_error(string workers)
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", CheckCli.WriteConfig(OneSite), "--workers", workers);

        exit.ShouldBe(2);
        error.ShouldContain("--workers");
    }

    [Test]
    public async Task Every_configuration_problem_is_listed_with_its_path_and_exit_2()
    {
        var config = CheckCli.WriteConfig("""
            { "sites": [ { "name": "a", "url": "/relative", "steps": [ { "click": "#x", "goto": "/y" } ] }, { "name": "b", "colour": "red" } ] }
            """);

        var (exit, output, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(2);
        error.ShouldContain("has 4 problems");
        error.ShouldContain("$.sites[0].url:");
        error.ShouldContain("$.sites[0].steps[0]:");
        error.ShouldContain("$.sites[1].colour:");
        error.ShouldContain("$.sites[1].url:");
        output.ShouldBeEmpty();
    }

    [Test]
    public async Task A_missing_configuration_file_is_a_usage_error()
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", "/nonexistent/playwright.config.json");

        exit.ShouldBe(2);
        error.ShouldContain("cannot read the file");
    }

    [Test]
    public async Task An_unknown_site_name_lists_the_sites_there_are()
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", CheckCli.WriteConfig(OneSite), "--site", "acount");

        exit.ShouldBe(2);
        error.ShouldContain("no site is named \"acount\"; the sites are: home.");
    }

    [Test]
    public async Task A_url_that_is_not_http_is_a_usage_error()
    {
        var (exit, _, error) = await CheckCli.RunAsync("staging.example.com");

        exit.ShouldBe(2);
        error.ShouldContain("\"staging.example.com\" is not an absolute http or https URL");
    }

    [Test]
    public async Task No_browser_is_an_environment_error_with_exit_3_and_the_install_command()
    {
        var config = CheckCli.WriteConfig("""
            { "browser": { "executablePath": "/nonexistent/chromium" }, "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }
            """);

        var (exit, _, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(3);
        error.ShouldContain("/nonexistent/chromium");
        error.ShouldContain(ChromiumLocator.InstallCommand);
    }

    [TestCase("0/4")]
    [TestCase("5/4")]
    [TestCase("2")]
    [TestCase("half")]
    public async Task A_bad_shard_is_a_usage_error_saying_how_to_give_one(string shard)
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", CheckCli.WriteConfig(OneSite), "--shard", shard);

        exit.ShouldBe(2);
        error.ShouldBe($"kayako-harness check: --shard \"{shard}\" is not a shard I/N; give the shard as I/N, two whole numbers with 1 ≤ I ≤ N, like --shard 2/4.{Environment.NewLine}");
    }

    [Test]
    public async Task Site_and_shard_together_are_refused()
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", CheckCli.WriteConfig(OneSite), "--site", "home", "--shard", "1/2");

        exit.ShouldBe(2);
        error.ShouldContain("--site and --shard 1/2 were given together");
    }

    [Test]
    public async Task An_empty_shard_passes_with_a_note_and_writes_its_reports_without_a_browser()
    {
        // The only site lands in one of four shards; any other shard is empty, and needs no browser (none is configured here).
        var config = CheckCli.WriteConfig("""{ "browser": { "executablePath": "/nonexistent/chromium" }, "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }""");
        var empty = Enumerable.Range(1, 4).First(i => new Kayako.Harness.Checking.Shard(i, 4).Pick(["home"]).Count == 0);
        var json = Path.Combine(Path.GetDirectoryName(config)!, "shard.json");

        var (exit, output, error) = await CheckCli.RunAsync("--config", config, "--shard", $"{empty}/4", "--json", json);

        exit.ShouldBe(0, error);
        output.ShouldContain($"Checking 0 site(s) (shard {empty}/4 of 1)");
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        report.RootElement.GetProperty("sites").GetArrayLength().ShouldBe(0);
        report.RootElement.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.StartsWith($"Shard {empty}/4 has no sites", StringComparison.Ordinal));
        report.RootElement.GetProperty("run").GetProperty("shard").GetProperty("index").GetInt32().ShouldBe(empty);
    }
}
