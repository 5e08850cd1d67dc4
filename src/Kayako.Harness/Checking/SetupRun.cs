using Kayako.Harness.Configuration;
using Kayako.Harness.Signing;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Plays <c>setup</c> once for a worker: a fresh context signed in as the run says (credentials, headers, the
/// storage-state file), the set-up's URL and steps, then the context's storage state, kept in memory (it holds
/// session cookies: it is never written, least of all to <c>report.dir</c>). A set-up that fails says which step,
/// where it is in the configuration, and why; the run then checks no site signed out.
/// </summary>
internal static class SetupRun
{
    /// <summary>The worker's sign-in, starting from the set-up's storage state; or why the set-up failed.</summary>
    public static async Task<(SignIn? SignedIn, string? Failure)> RunAsync(
        IBrowser browser, HarnessConfiguration configuration, CheckOptions options, SetupDefinition setup, TokenRedactor redactor, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(configuration.SiteBudgetSeconds));
        try
        {
            // As the configuration's browser section says, not any one site's: one set-up serves every site of the worker.
            await using var opened = await SiteContext.OpenAsync(browser, configuration, options, options.Emulation.Run, scriptRelease: null, budget.Token);
            var page = await opened.Context.NewPageAsync().WaitAsync(budget.Token);
            var player = new StepPlayer(page, opened.Session, options.StepTimeout);
            if (await player.OpenAsync(setup.Url, budget.Token) is { } unreachable)
            {
                return (null, redactor.Redact($"the set-up could not open {setup.Url.OriginalString} ({setup.JsonPath}.url): {unreachable}."));
            }

            foreach (var step in setup.Steps)
            {
                var result = await player.PlayAsync(step, budget.Token);
                if (result.Outcome != StepOutcome.Passed)
                {
                    return (null, redactor.Redact($"the set-up's {step.Describe()} ({step.JsonPath}) failed: {result.Error}"));
                }
            }

            var state = await opened.Context.StorageStateAsync().WaitAsync(budget.Token);
            return (options.SignIn!.WithStorageState(state), null);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"the set-up ({setup.JsonPath}) did not finish within the site budget of {configuration.SiteBudgetSeconds} s (siteBudgetSeconds).");
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            return (null, redactor.Redact($"the browser failed during the set-up ({setup.JsonPath}): {error.Message.Split('\n', 2)[0]}"));
        }
    }
}
