using Microsoft.Playwright;

namespace Kayako.Harness.Messenger;

/// <summary>Installs the Kayako Messenger stub into a Playwright browser context.</summary>
/// <example>
/// <code>
/// var messenger = await MessengerStub.InstallAsync(context, MessengerOptions.Default with { Token = token });
/// await page.GotoAsync(url);
/// await messenger.For(page).WaitForReadyAsync();
/// </code>
/// </example>
public static class MessengerStub
{
    /// <summary>
    /// The stub exactly as the harness serves it, working on its own: serve it for the messenger script URL in
    /// any browser (no init script, no harness) and a page gets the stub's messenger, without the call log and
    /// the fake API. Useful to compare a page's behaviour with and without the harness.
    /// </summary>
    public static string StandaloneScript => StubAssets.Stub;

    /// <summary>
    /// Routes the messenger script to the stub, the snippet's <c>_settings.apiUrl</c> to the fake Kayako API,
    /// and aborts anything else bound for Kayako's hosts; every page of the context then reports to one
    /// <see cref="CallLog"/>. Install before the first navigation.
    /// </summary>
    /// <param name="context">The browser context (fresh per test).</param>
    /// <param name="options">The options; <see cref="MessengerOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the installation.</param>
    /// <returns>The installed stub's session.</returns>
    /// <exception cref="MessengerOptionsException">The options are invalid; the message lists every problem.</exception>
    public static async Task<MessengerSession> InstallAsync(IBrowserContext context, MessengerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        options ??= MessengerOptions.Default;
        options.Validate();
        var session = new MessengerSession(context, options);
        await session.StartAsync(cancellationToken);
        return session;
    }
}
