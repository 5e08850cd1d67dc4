using Microsoft.Playwright;

namespace Kayako.Harness.Messenger;

/// <summary>
/// Reads the stub's state from its own DOM with Playwright locators, which run in Playwright's isolated world:
/// no page script runs and no page global is read, so a page that watches its own functions (eval,
/// requestAnimationFrame) sees nothing. The messenger's UI root carries <c>data-kayako-state</c> (what
/// <c>kayako.visibility()</c> returns): <c>#kayako-messenger</c> itself in the in-page form, an element inside
/// the snippet's <c>#kayako-messenger-frame</c> in the admin-panel form.
/// </summary>
internal static class StubState
{
    private const string Attribute = "data-kayako-state";

    /// <summary>The state, or <see langword="null"/> before the messenger loaded.</summary>
    public static async Task<string?> ReadAsync(IPage page, CancellationToken cancellationToken)
    {
        var (inPage, inFrame) = Roots(page, null);
        foreach (var root in new[] { inPage, inFrame })
        {
            if (await root.CountAsync().WaitAsync(cancellationToken) > 0)
            {
                return await root.First.GetAttributeAsync(Attribute).WaitAsync(cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Waits until the messenger has loaded (<paramref name="expected"/> <see langword="null"/>) or is in the
    /// expected state. Returns <see langword="false"/> when it was not within <paramref name="timeout"/>.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="expected">The state to wait for; <see langword="null"/> for any (loaded).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="form">
    /// The form the messenger loaded in, when the call log says so: only that root is watched. Unknown, both are,
    /// and the one that never comes keeps polling in the browser until its timeout (Playwright has no cancel).
    /// </param>
    public static async Task<bool> WaitForAsync(
        IPage page, MessengerVisibility? expected, TimeSpan timeout, CancellationToken cancellationToken, MessengerEmbedForm? form = null)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)Math.Max(1, timeout.TotalMilliseconds) };
        var (inPage, inFrame) = Roots(page, expected?.ToWireName());
        ILocator[] roots = form switch
        {
            MessengerEmbedForm.InPage => [inPage],
            MessengerEmbedForm.Iframe => [inFrame],
            _ => [inPage, inFrame],
        };
        var waits = roots.Select(async root =>
        {
            try
            {
                await root.First.WaitForAsync(options).WaitAsync(done.Token);
                return true;
            }
            catch (Exception error) when (error is TimeoutException or PlaywrightException or OperationCanceledException)
            {
                return false;
            }
        }).ToList();

        while (waits.Count > 0)
        {
            var finished = await Task.WhenAny(waits);
            if (await finished)
            {
                await done.CancelAsync();
                return true;
            }

            waits.Remove(finished);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }

    /// <summary>
    /// The control the stub's window has for a visitor's action (<c>data-kayako-action</c>, e.g. <c>start-chat</c>),
    /// in whichever form the messenger loaded.
    /// </summary>
    public static async Task<ILocator> ControlAsync(IPage page, string action, CancellationToken cancellationToken)
    {
        var selector = $"[data-kayako-action=\"{action}\"]";
        var (inPage, inFrame) = Roots(page, null);
        var control = inPage.Locator(selector);
        return await control.CountAsync().WaitAsync(cancellationToken) > 0 ? control : inFrame.Locator(selector);
    }

    // The one place that knows where the stub's UI is: #kayako-messenger itself in the in-page form, an element
    // inside the snippet's iframe (a child of its #kayako-messenger) in the admin-panel form.
    private static (ILocator InPage, ILocator InFrame) Roots(IPage page, string? state)
    {
        var selector = state is null ? $"[{Attribute}]" : $"[{Attribute}=\"{state}\"]";
        return (page.Locator("#kayako-messenger" + selector), page.FrameLocator("#kayako-messenger > iframe").Locator(selector));
    }
}
