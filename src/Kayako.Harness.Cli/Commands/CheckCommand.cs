using System.CommandLine;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>check [URL] [--config F] [--site NAME] [--shard I/N] [--json F] [--junit F] [--html F] [--sarif F] [--workers N] [--connect URL] [--base-url URL] [--repeat-each N]</c>: plays
/// sites in Chromium with the messenger stub and reports every misuse. <c>check URL --crawl [--max-pages N] [--include GLOB]...
/// [--exclude GLOB]... [--require-messenger] [--follow-logout]</c> checks the pages found from URL instead. Exit 0 no errors, 1 errors found,
/// 2 configuration or usage, 3 environment (no browser), 130/143 stopped by a signal.
/// </summary>
internal static class CheckCommand
{
    /// <summary>The most sites checked at once: each is a browser context, and more than this only queues.</summary>
    public const int MaxWorkers = 64;

    public static Command Create()
    {
        var url = new Argument<string?>("URL") { Arity = ArgumentArity.ZeroOrOne, Description = "A page to check (no steps). Without URL and --config: the bundled demo site." };
        var config = File("--config", "A playwright.config.json listing sites and steps.", "give a playwright.config.json that lists sites and steps");
        var site = new Option<string?>("--site") { HelpName = "NAME", Description = "Check only the site with this name." };
        var json = File("--json", "Write the JSON report to this file.", "give a file name, like --json report.json");
        var junit = File("--junit", "Write a JUnit XML report (a test case per site) to this file.", "give a file name, like --junit report.xml");
        var html = File("--html", "Write a self-contained HTML report to this file.", "give a file name, like --html report.html");
        var sarif = File("--sarif", "Write a SARIF 2.1.0 report (for GitHub code scanning) to this file.", "give a file name, like --sarif report.sarif");
        var workers = new ValueOption<int?>("--workers", "N", "Sites checked at once (default: the number of cores).",
            OptionValues.Int32(1, MaxWorkers), "a number of workers",
            $"give a whole number from 1 to {MaxWorkers} (default: the number of cores, {Environment.ProcessorCount})");
        var shard = new ValueOption<Checking.Shard?>("--shard", "I/N",
            "Check only shard I of N: a balanced share of the sites that keeps its sites when sites are added at the end. Merge the shards' JSON reports with the merge verb.",
            OptionValues.Shard(), "a shard I/N", "give the shard as I/N, two whole numbers with 1 ≤ I ≤ N, like --shard 2/4");
        var connect = new Option<string?>("--connect")
        {
            HelpName = "URL",
            Description = "Use a remote browser instead of the local Chromium: a Playwright server (ws:// or wss://) or a Chromium's DevTools endpoint (http:// or https://). Overrides browser.connect.",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            HelpName = "URL",
            Description = $"Resolve the configuration's relative site URLs against this URL (an environment: staging, production). Overrides {Configuration.HarnessConfigurationReader.BaseUrlVariable} and baseUrl.",
        };
        var repeatEach = new ValueOption<int?>("--repeat-each", "N",
            "Play each site N times, each in a fresh context, to catch races: a site whose runs disagree is flaky, and each finding says in how many runs it appeared (default 1).",
            OptionValues.Int32(1, Checking.CheckOptions.MaxRepeatEach), "a number of runs per site",
            $"give a whole number from 1 to {Checking.CheckOptions.MaxRepeatEach}, like --repeat-each 10 (each run is a whole play of the site)");
        var crawl = new Option<bool>("--crawl") { Description = "Walk the URL's same-origin links breadth-first and check every page found (page-level rules)." };
        var maxPages = new ValueOption<int?>("--max-pages", "N", $"With --crawl: the most pages found and checked (default {Checking.Crawling.CrawlOptions.DefaultMaxPages}).",
            OptionValues.Int32(1, Checking.Crawling.CrawlOptions.MaxMaxPages), "a number of pages",
            $"give a whole number from 1 to {Checking.Crawling.CrawlOptions.MaxMaxPages} (default {Checking.Crawling.CrawlOptions.DefaultMaxPages}), like --max-pages 200");
        var include = new Option<string[]>("--include") { HelpName = "GLOB", Description = "With --crawl: check only pages whose path matches (repeatable), like /blog/**." };
        var exclude = new Option<string[]>("--exclude") { HelpName = "GLOB", Description = "With --crawl: do not check pages whose path matches (repeatable), like /admin/**." };
        var requireMessenger = new Option<bool>("--require-messenger") { Description = "With --crawl: a page without the messenger is an error (by default the notes count them)." };
        var followLogout = new Option<bool>("--follow-logout") { Description = "With --crawl: also follow links that look like a logout (skipped by default)." };
        var command = new Command("check", "Play sites in Chromium with the messenger stub and report every misuse of the messenger.")
        {
            url, config, site, shard, json, junit, html, sarif, workers, connect, baseUrl, repeatEach, crawl, maxPages, include, exclude, requireMessenger, followLogout,
        };
        CommandAction.Set(command, (parse, cancellationToken) => CheckRun.ExecuteAsync(
            new CheckArguments(parse.GetValue(url), parse.GetValue(config), parse.GetValue(site), parse.GetValue(json),
                parse.GetValue(junit), parse.GetValue(html), parse.GetValue(workers), parse.GetValue(shard), parse.GetValue(connect), parse.GetValue(sarif),
                new CrawlArguments(parse.GetValue(crawl), parse.GetValue(maxPages), parse.GetValue(include) ?? [], parse.GetValue(exclude) ?? [],
                    parse.GetValue(requireMessenger), parse.GetValue(followLogout)))
            {
                BaseUrl = parse.GetValue(baseUrl),
                RepeatEach = parse.GetValue(repeatEach),
            },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static ValueOption<FileInfo?> File(string name, string description, string fix) =>
        new(name, "FILE", description, OptionValues.File(), "a file", fix);
}
