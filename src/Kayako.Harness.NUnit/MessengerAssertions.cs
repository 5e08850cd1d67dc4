using Kayako.Harness.Messenger;
using Microsoft.Playwright;
using Shouldly;

namespace Kayako.Harness.NUnit;

/// <summary>Shouldly-style assertions on the messenger in a page; failures carry the call log.</summary>
public static class MessengerAssertions
{
    /// <summary>How long the assertions wait for the page by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits (with Playwright's locators, no sleeps and no script in the page) until <c>kayako.visibility()</c> would return
    /// <paramref name="expected"/>, and fails with the last value seen and the call log otherwise.
    /// </summary>
    /// <param name="messenger">The messenger in a page.</param>
    /// <param name="expected">The visibility expected.</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the messenger is in the expected state.</returns>
    /// <exception cref="ShouldAssertException">It did not get there in time.</exception>
    public static async Task ShouldBecomeAsync(this MessengerPage messenger, MessengerVisibility expected, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        var wait = timeout ?? DefaultTimeout;
        var value = expected.ToWireName();
        if (!await messenger.TryWaitForVisibilityAsync(expected, wait, cancellationToken))
        {
            var actual = await messenger.IsLoadedAsync(cancellationToken)
                ? $"'{(await messenger.VisibilityAsync(cancellationToken)).ToWireName()}'"
                : "nothing: the messenger never loaded";
            throw new ShouldAssertException(
                $"The messenger in {messenger.Page.Url} should become '{value}' within {wait.TotalMilliseconds:0} ms but was {actual}. {messenger.CallLog.Describe()}");
        }
    }

    /// <summary>
    /// Waits until the messenger fired <paramref name="eventName"/> (an entry already logged counts), and
    /// fails with the call log otherwise.
    /// </summary>
    /// <param name="messenger">The messenger in a page.</param>
    /// <param name="eventName">The event, such as <c>identified</c> or <c>chat_window_maximized</c>.</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The event as logged, with its arguments and the visibility after it.</returns>
    /// <exception cref="ShouldAssertException">The event did not fire in time.</exception>
    public static async Task<MessengerEvent> ShouldFireAsync(this MessengerPage messenger, string eventName, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        try
        {
            return await messenger.CallLog.WaitForAsync<MessengerEvent>(e => e.Name == eventName, timeout ?? DefaultTimeout, cancellationToken);
        }
        catch (CallLogTimeoutException timedOut)
        {
            throw new ShouldAssertException($"The messenger should fire '{eventName}' but did not. {timedOut.Message}");
        }
    }
}
