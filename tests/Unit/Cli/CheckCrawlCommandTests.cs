using Kayako.Harness.Tests.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary><c>check --crawl</c> used the wrong way ends in exit 2 with what to change, before any browser starts.</summary>
public sealed class CheckCrawlCommandTests
{
    [Test]
    public async Task Crawl_without_a_url_says_to_give_one()
    {
        var (exit, output, error) = await CheckCli.RunAsync("--crawl");

        exit.ShouldBe(2, error);
        error.ShouldBe("kayako-harness check: --crawl needs the URL to start from: check https://staging.example.com/ --crawl.\n");
        output.ShouldBeEmpty();
    }

    [Test]
    public async Task Crawl_with_a_config_is_refused()
    {
        var config = CheckCli.WriteConfig("""{ "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }""");

        var (exit, output, error) = await CheckCli.RunAsync("https://staging.example.com/", "--crawl", "--config", config);

        exit.ShouldBe(2, error);
        error.ShouldContain("--crawl and --config were given together");
        error.ShouldContain("Leave out --config to crawl, or --crawl to check the configuration's sites.");
        output.ShouldBeEmpty();
    }

    [TestCase("--site", "home")]
    [TestCase("--shard", "1/2")]
    public async Task Crawl_with_a_site_or_shard_is_refused(string option, string value)
    {
        var (exit, _, error) = await CheckCli.RunAsync("https://staging.example.com/", "--crawl", option, value);

        exit.ShouldBe(2, error);
        error.ShouldContain($"--crawl and {option} were given together");
    }

    [TestCase("0")]
    [TestCase("-4")]
    [TestCase("10001")]
    [TestCase("many")]
    public async Task Max_pages_that_is_not_a_positive_number_names_the_value(string pages)
    {
        var (exit, output, error) = await CheckCli.RunAsync("https://staging.example.com/", "--crawl", $"--max-pages={pages}");

        exit.ShouldBe(2, error);
        error.ShouldContain($"--max-pages \"{pages}\" is not a number of pages; give a whole number from 1 to 10000 (default 50), like --max-pages 200.");
        output.ShouldBeEmpty();
    }

    [Test]
    public async Task Bad_globs_are_each_named_with_their_option()
    {
        var (exit, output, error) = await CheckCli.RunAsync("https://staging.example.com/", "--crawl", "--include", "blog/**", "--exclude", "/{a,b");

        exit.ShouldBe(2, error);
        error.ShouldContain("--include: \"blog/**\" is not a path glob");
        error.ShouldContain("--exclude: \"/{a,b\" has a { that is never closed; write a group as {a,b}.");
        output.ShouldBeEmpty();
    }

    [Test]
    public async Task Crawl_options_without_crawl_say_to_add_it()
    {
        var (exit, _, error) = await CheckCli.RunAsync("https://staging.example.com/", "--max-pages", "10", "--follow-logout");

        exit.ShouldBe(2, error);
        error.ShouldContain("--max-pages, --follow-logout only apply to a crawl; add --crawl");
    }
}
