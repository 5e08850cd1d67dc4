using System.CommandLine;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>check [URL] [--config F] [--site NAME] [--json F] [--junit F] [--html F] [--workers N]</c>: plays
/// sites in Chromium with the messenger stub and reports every misuse. Exit 0 no errors, 1 errors found,
/// 2 configuration or usage, 3 environment (no browser).
/// </summary>
internal static class CheckCommand
{
    public const int Clean = 0;
    public const int ErrorsFound = 1;
    public const int Usage = 2;
    public const int Environment = 3;

    public static Command Create()
    {
        var url = new Argument<string?>("URL") { Arity = ArgumentArity.ZeroOrOne, Description = "A page to check (no steps). Without URL and --config: the bundled demo site." };
        var config = new Option<string?>("--config") { Description = "A playwright.config.json listing sites and steps." };
        var site = new Option<string?>("--site") { Description = "Check only the site with this name." };
        var json = new Option<string?>("--json") { Description = "Write the JSON report to this file." };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report (a test case per site) to this file." };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report to this file." };
        var workers = new Option<string?>("--workers") { Description = "Sites checked at once (default: the number of cores)." };
        var command = new Command("check", "Play sites in Chromium with the messenger stub and report every misuse of the messenger.")
        {
            url, config, site, json, junit, html, workers,
        };
        command.SetAction((parse, cancellationToken) => CheckRun.ExecuteAsync(
            new CheckArguments(parse.GetValue(url), parse.GetValue(config), parse.GetValue(site), parse.GetValue(json),
                parse.GetValue(junit), parse.GetValue(html), parse.GetValue(workers)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
