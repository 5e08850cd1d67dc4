using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// A fresh browser context for one site, the way <c>check</c> plays every site: signed in (<see cref="SignIn"/>), the
/// caller's hook (with the demo site, when the run uses it) attached, the stub installed. Closing it is bounded, since a page stuck in a loop can hold it up.
/// </summary>
internal sealed class SiteContext : IAsyncDisposable
{
    // Closing a context whose renderer is stuck (a page in while(true)) can itself take long; the run does not wait for it.
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    private SiteContext(IBrowserContext context, MessengerSession session)
    {
        Context = context;
        Session = session;
    }

    public IBrowserContext Context { get; }

    public MessengerSession Session { get; }

    /// <summary>Opens the context and installs the stub.</summary>
    /// <param name="browser">The run's browser.</param>
    /// <param name="configuration">The messenger settings come from here.</param>
    /// <param name="options">The token and the caller's context hook come from here.</param>
    /// <param name="emulation">What the browser pretends to be (device, viewport, locale, time zone, colour scheme).</param>
    /// <param name="scriptRelease">Holds the messenger script back until it completes (a slow network); <see langword="null"/> answers at once.</param>
    /// <param name="cancellationToken">Stops the opening (the site's budget).</param>
    /// <returns>The opened context; dispose it to close it.</returns>
    public static async Task<SiteContext> OpenAsync(
        IBrowser browser, HarnessConfiguration configuration, CheckOptions options, SiteEmulation emulation, Task? scriptRelease, CancellationToken cancellationToken)
    {
        // Service workers allowed: blocking them replaces navigator.serviceWorker.register, which a page can notice.
        // Signed in as the run says: HTTP credentials, extra headers, the storage state of a file or of the worker's set-up.
        var contextOptions = DeviceEmulation.Apply(emulation,
            options.SignIn?.ContextOptions() ?? new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow });
        var context = await browser.NewContextAsync(contextOptions).WaitAsync(cancellationToken);
        try
        {
            if (options.PrepareContextAsync is { } prepare)
            {
                await prepare(context, cancellationToken).WaitAsync(cancellationToken);
            }

            var session = await MessengerStub.InstallAsync(context, new MessengerOptions
            {
                ScriptUrlPatterns = configuration.Messenger.ScriptUrl,
                ApiLatency = TimeSpan.FromMilliseconds(configuration.Messenger.ForgetLatencyMs),
                Token = options.Token,
                ScriptRelease = scriptRelease,
            }, cancellationToken);
            return new SiteContext(context, session);
        }
        catch
        {
            await CloseAsync(context);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await CloseAsync(Context);
    }

    private static async Task CloseAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(CloseWait);
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            // Left to the browser, which goes with the run.
        }
    }
}
