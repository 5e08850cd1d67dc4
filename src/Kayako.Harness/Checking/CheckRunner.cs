using System.Diagnostics;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Runs <c>check</c>: one Chromium for the run, one fresh context per site, sites side by side
/// (<see cref="CheckOptions.Workers"/>). A site that cannot be opened or that breaks the browser is
/// reported as a finding; the others still run.
/// </summary>
public static class CheckRunner
{
    /// <summary>Checks every site of a configuration.</summary>
    /// <param name="configuration">The validated configuration.</param>
    /// <param name="options">How to run; the token comes from here, already read from its environment variable.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The report, sites in configuration order.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found, or it would not start; the message says how to install one.</exception>
    public static async Task<CheckReport> RunAsync(HarnessConfiguration configuration, CheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        var started = Stopwatch.GetTimestamp();
        var executable = ChromiumLocator.Locate(configuration.Browser.ExecutablePath, configuration.Browser.Headless);
        using var playwright = await Playwright.CreateAsync();
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = configuration.Browser.Headless })
                .WaitAsync(cancellationToken);
        }
        catch (PlaywrightException error)
        {
            throw new BrowserNotFoundException(
                $"Chromium at {executable} did not start: {error.Message.Split('\n', 2)[0]} Reinstall it with: {ChromiumLocator.InstallCommand}" +
                (configuration.Browser.Headless ? "" : " (browser.headless is false: a headed browser needs a display)"));
        }

        await using (browser)
        {
            var redactor = new TokenRedactor(options.Token);
            var runner = new SiteRunner(browser, configuration, options, redactor);
            var sites = configuration.Sites;
            var results = new SiteResult[sites.Count];
            // Longest first (by step count), so a long site does not start last and keep one worker busy
            // alone at the end; results stay in configuration order.
            await Parallel.ForEachAsync(
                Enumerable.Range(0, sites.Count).OrderByDescending(i => sites[i].Steps.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    options.Progress?.SiteStarted(sites[index].Name);
                    results[index] = await RunSiteAsync(runner, sites[index], redactor, token);
                    options.Progress?.SiteFinished(results[index]);
                });

            return new CheckReport(results, options.Token is not null, Notes(configuration, options), Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<SiteResult> RunSiteAsync(SiteRunner runner, SiteDefinition site, TokenRedactor redactor, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await runner.RunAsync(site, cancellationToken);
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            var finding = new Finding(RuleIds.SiteUnreachable, Severity.Error,
                redactor.Redact($"The browser failed while checking {site.Url} ({site.JsonPath}): {error.Message.Split('\n', 2)[0]} " +
                                "The other sites were still checked; run this one alone (--site) to see whether it repeats."));
            return new SiteResult(site.Name, site.Url, [finding], [], [], null, [], Stopwatch.GetElapsedTime(started));
        }
    }

    internal static List<string> Notes(HarnessConfiguration configuration, CheckOptions options)
    {
        if (options.Token is not null)
        {
            return [];
        }

        var variable = options.TokenSource ?? configuration.Messenger.TokenEnv;
        return [variable switch
        {
            null => "No token was given (messenger.tokenEnv is null): signatures were checked for form only, and token exposure was not checked.",
            _ when variable == configuration.Messenger.TokenEnv && TokenLikeName.LooksLikeToken(variable) =>
                "messenger.tokenEnv names no set variable, and looks like a token rather than a variable name (so it is not shown): " +
                "signatures were checked for form only, and token exposure was not checked. Put the variable's name there " +
                "(like KAYAKO_MESSENGER_TOKEN) and export the token in that variable.",
            _ => $"{variable} is not set: signatures were checked for form only, and token exposure was not checked. Set it to the messenger's identity-verification token to verify them.",
        }];
    }
}
