using Kayako.Harness.Signing;
using System.Globalization;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Crawling;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;

namespace Kayako.Harness.Cli.Commands;

/// <summary>What <c>check</c> does once parsed: resolve the configuration and token, run, report, and pick the exit code.</summary>
internal static class CheckRun
{
    /// <summary>The largest configuration file read: thousands of sites, far less than a wrong path can hold.</summary>
    private const int MaxConfigurationBytes = 16 * 1024 * 1024;

    private const string TokenEnvPath = "$.messenger.tokenEnv";

    /// <exception cref="ConfigurationException">The configuration or the URL cannot be used (exit 2).</exception>
    /// <exception cref="BadInputException">A file cannot be read, no site has the <c>--site</c> name, <c>--site</c> with <c>--shard</c>, a report cannot be written, tokenEnv holds a token (exit 2).</exception>
    /// <exception cref="BrowserNotFoundException">No Chromium (exit 3).</exception>
    /// <exception cref="RemoteBrowserException">The remote browser of --connect or browser.connect cannot be reached (exit 3).</exception>
    public static async Task<ExitCode> ExecuteAsync(CheckArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var crawl = CrawlOptionsOf(arguments);
        var demo = arguments.Url is null && arguments.Config is null;
        var configuration = Resolve(arguments, demo);
        var workers = arguments.Workers ?? System.Environment.ProcessorCount;
        var reports = new ReportOutputs(arguments);
        if (reports.Problems(configuration.Report.Dir) is { Count: > 0 } problems)
        {
            // Before any browser starts: a report that cannot be written would otherwise be found out after the whole run.
            throw new BadInputException(problems);
        }

        var tokenEnv = configuration.Messenger.TokenEnv;
        var token = tokenEnv is null ? null : System.Environment.GetEnvironmentVariable(tokenEnv) is { Length: > 0 } value ? value : null;
        if (tokenEnv is not null && token is null && TokenLikeName.LooksLikeToken(tokenEnv))
        {
            throw new BadInputException(
                $"{arguments.Config?.ToString() ?? "the configuration"}: $.messenger.tokenEnv names no set variable, and looks like a token rather than " +
                "a variable name (so it is not shown). Put the variable's name there (like KAYAKO_MESSENGER_TOKEN) and export the token in " +
                "that variable. If the file is shared, consider rotating the token.");
        }

        var tokenSource = tokenEnv;
        if (demo && token is null)
        {
            // The demo backend is ours: it signs with its own token, so the demo is verified in full.
            token = DemoSite.DefaultToken;
            tokenSource = "the demo site's own token";
        }

        var console = new ConsoleReporter(output, ConsoleReporter.ColourSuitsConsole() && output == Console.Out);
        using var signals = new TerminationSignals(cancellationToken);
        DriverCompileCache.Enable(System.Environment.GetEnvironmentVariable, System.Environment.SetEnvironmentVariable);
        var liveProgress = error == Console.Error && RunProgress.LiveSuits(!Console.IsErrorRedirected, System.Environment.GetEnvironmentVariable);
        CrawlResult? found = null;
        if (crawl is not null)
        {
            var start = configuration.Sites[0].Url;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Crawling {start} (same-origin links, at most {crawl.MaxPages} page(s)) with {workers} worker(s)"));
            using var discovery = new DiscoveryProgress(error, liveProgress);
            found = await SiteCrawler.DiscoverAsync(start, configuration, crawl with { Progress = discovery },
                new CheckOptions { Workers = workers, Token = token }, signals.Token);
            configuration = found.Configuration;
        }

        var inShard = arguments.Shard?.Pick([.. configuration.Sites.Select(site => site.Name)]).Select(i => configuration.Sites[i].Name).ToHashSet(StringComparer.Ordinal);
        var checkedSites = inShard?.Count ?? configuration.Sites.Count;
        var ofShard = arguments.Shard is null ? "" : $" (shard {arguments.Shard} of {configuration.Sites.Count})";
        var repeatEach = arguments.RepeatEach ?? 1;
        var times = repeatEach == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", each {repeatEach} times in a fresh context");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Checking {checkedSites} site(s){ofShard}{(demo ? " of the bundled demo site" : "")}{times} with {Math.Min(workers, Math.Max(1, checkedSites * repeatEach))} worker(s)"));
        CheckReport report;
        using (var progress = new RunProgress(console, error, checkedSites, liveProgress))
        {
            var options = new CheckOptions
            {
                Workers = workers,
                Token = token,
                TokenSource = tokenSource,
                Progress = progress,
                Shard = arguments.Shard,
                RepeatEach = repeatEach,
            };
            report = found is null
                ? await CheckRunner.RunAsync(configuration, options, signals.Token)
                : await SiteCrawler.CheckAsync(found, options, signals.Token);
        }

        console.WriteSummary(report);
        if (GitHubAnnotations.Enabled(System.Environment.GetEnvironmentVariable))
        {
            GitHubAnnotations.Write(report, output);
        }

        var written = await reports.WriteAsync(report, error);
        if (signals.ReceivedName is { } signal)
        {
            var finished = report.Sites.Select(site => site.Name).ToHashSet(StringComparer.Ordinal);
            var cutShort = configuration.Sites.Select(site => site.Name)
                .Where(name => !finished.Contains(name) && (inShard?.Contains(name) ?? true)).ToList();
            var rest = cutShort.Count == 0 ? "." : $"; cut short, and not in the reports: {string.Join(", ", cutShort)}.";
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"kayako-harness check: stopped by {signal}: {report.Sites.Count} of {checkedSites} site(s) finished{rest}"));
            return signals.ExitCode;
        }

        if (!written)
        {
            return ExitCode.Usage;
        }

        return report.Errors > 0 ? ExitCode.Findings : ExitCode.Ok;
    }

    // --crawl walks from one URL: it needs the URL, and replaces what --config, --site and --shard would choose. Its
    // own options mean nothing without it. Every problem is found before anything starts.
    private static CrawlOptions? CrawlOptionsOf(CheckArguments arguments)
    {
        if (arguments.Crawl is not { } crawl)
        {
            return null;
        }

        if (!crawl.Crawl)
        {
            var given = crawl.CrawlOnlyGiven().ToList();
            return given.Count == 0 ? null : throw new BadInputException(
                $"{string.Join(", ", given)} only apply to a crawl; add --crawl (check URL --crawl {string.Join(" ", given)} ...), or leave {(given.Count == 1 ? "it" : "them")} out.");
        }

        if (arguments.Url is null)
        {
            throw new BadInputException("--crawl needs the URL to start from: check https://staging.example.com/ --crawl.");
        }

        foreach (var (option, given) in new[] { ("--config", arguments.Config is not null), ("--site", arguments.Site is not null), ("--shard", arguments.Shard is not null) })
        {
            if (given)
            {
                throw new BadInputException(
                    $"--crawl and {option} were given together; a crawl checks the pages it finds from the URL, each with no steps. Leave out {option} to crawl, or --crawl to check {(option == "--config" ? "the configuration's sites" : "the URL alone")}.");
            }
        }

        var options = new CrawlOptions
        {
            MaxPages = crawl.MaxPages ?? CrawlOptions.DefaultMaxPages,
            Include = crawl.Include,
            Exclude = crawl.Exclude,
            RequireMessenger = crawl.RequireMessenger,
            FollowLogout = crawl.FollowLogout,
        };
        return options.Problems() is { Count: > 0 } problems ? throw new ConfigurationException("the command line", problems) : options;
    }

    // The reader quotes a tokenEnv that is not a variable name; that value may be the token itself.
    private static ConfigurationException WithoutTokenEnvValue(ConfigurationException problem) =>
        new(problem.ConfigurationSource, [.. problem.Problems.Select(p => p.Path == TokenEnvPath
            ? p with { Message = "is not an environment variable name (the value is not shown: it may be the token itself); use letters, digits and underscores, like KAYAKO_MESSENGER_TOKEN, and export the token in that variable." }
            : p)]);

    // An environment: --base-url, else KAYAKO_HARNESS_BASE_URL, else the configuration's own baseUrl.
    private static BaseUrlOverride? BaseUrl(CheckArguments arguments) =>
        arguments.BaseUrl is { } option ? new BaseUrlOverride(option, "--base-url")
        : System.Environment.GetEnvironmentVariable(HarnessConfigurationReader.BaseUrlVariable) is { Length: > 0 } variable
            ? new BaseUrlOverride(variable, HarnessConfigurationReader.BaseUrlVariable)
            : null;

    // No URL and no --config: the bundled demo. A URL with --config: the file's sections, the URL as the only site.
    private static HarnessConfiguration Resolve(CheckArguments arguments, bool demo)
    {
        HarnessConfiguration configuration;
        try
        {
            var baseline = arguments.Config?.ToString() is { } path
                ? HarnessConfigurationReader.Parse(
                    InputFile.ReadText(path, $"the file '{path}' (from --config)", MaxConfigurationBytes, "a configuration lists sites and steps; is this the right file?"),
                    path, BaseUrl(arguments))
                : null;
            configuration = demo
                ? DemoSite.Configuration()
                : arguments.Url is { } url
                    ? HarnessConfigurationReader.ForUrl(url, baseline)
                    : baseline!;
        }
        catch (ConfigurationException problem) when (problem.Problems.Any(p => p.Path == TokenEnvPath))
        {
            throw WithoutTokenEnvValue(problem);
        }

        if (arguments.Site is not null && arguments.Shard is not null)
        {
            // One site is not worth splitting, and a shard of a one-site run could never be merged with the others.
            throw new BadInputException(
                $"--site and --shard {arguments.Shard} were given together; give --site to check one site, or --shard to check a share of all of them.");
        }

        if (arguments.Connect is { } endpoint)
        {
            // --connect names the endpoint; headers the configuration gives for its own connect still apply.
            var connection = BrowserConnection.FromUrl(endpoint, "--connect");
            var headers = configuration.Browser.Connect?.HeaderVariables ?? connection.HeaderVariables;
            configuration = configuration with { Browser = configuration.Browser with { Connect = connection with { HeaderVariables = headers } } };
        }

        if (arguments.Site is { } name)
        {
            var chosen = configuration.Sites.Where(s => s.Name == name).ToList();
            if (chosen.Count == 0)
            {
                throw new BadInputException(
                    $"--site: no site is named \"{name}\"; the sites are: {string.Join(", ", configuration.Sites.Select(s => s.Name))}.");
            }

            configuration = configuration with { Sites = chosen };
        }

        return configuration;
    }
}
