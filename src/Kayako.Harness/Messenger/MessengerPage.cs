using Microsoft.Playwright;

namespace Kayako.Harness.Messenger;

/// <summary>The messenger in one page: its state as the page sees it, and the session's call log.</summary>
public sealed class MessengerPage
{
    /// <summary>How long <see cref="WaitForReadyAsync"/> waits by default.</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(5);

    internal MessengerPage(MessengerSession session, IPage page)
    {
        Session = session;
        Page = page;
    }

    /// <summary>The session (browser context) this page belongs to.</summary>
    public MessengerSession Session { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The session's call log: every page of the context reports to it.</summary>
    public CallLog CallLog => Session.CallLog;

    /// <summary>The messenger methods called after load so far, in every page of the session, in order.</summary>
    public IReadOnlyList<MessengerCall> Calls => [.. CallLog.Entries.OfType<MessengerCall>()];

    /// <summary>The names of the messenger events fired so far, in every page of the session, in order.</summary>
    public IReadOnlyList<string> Events => [.. CallLog.Entries.OfType<MessengerEvent>().Select(e => e.Name)];

    /// <summary>
    /// Reads the messenger's state without calling <c>kayako.visibility()</c>, so the read is not logged
    /// as a call of the page.
    /// </summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>What <c>kayako.visibility()</c> would return.</returns>
    /// <exception cref="MessengerNotLoadedException">The messenger has not loaded in the page.</exception>
    public async Task<MessengerVisibility> VisibilityAsync(CancellationToken cancellationToken = default)
    {
        var value = await StubState.ReadAsync(Page, cancellationToken)
            ?? throw new MessengerNotLoadedException(NotLoadedMessage("has not loaded the messenger (yet)"));
        return MessengerVisibilityNames.TryParse(value, out var visibility)
            ? visibility
            : throw new InvalidOperationException(
                $"The stub's UI in {Page.Url} reports the visibility '{value}', not one of {string.Join(", ", MessengerVisibilityNames.All)}: " +
                "the page replaced or edited the messenger's element (data-kayako-state).");
    }

    /// <summary>Whether the messenger has loaded in the page (the stub took over <c>window.kayako</c>).</summary>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns><see langword="true"/> once loaded.</returns>
    public async Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default) =>
        await StubState.ReadAsync(Page, cancellationToken) is not null;

    /// <summary>Waits until the messenger has loaded and drained its ready queue.</summary>
    /// <param name="timeout">How long to wait; <see cref="DefaultReadyTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the messenger is ready.</returns>
    /// <exception cref="MessengerNotLoadedException">
    /// It never loaded; the message says whether the script was never requested (no embed snippet?) or
    /// requested and never run, with the call log.
    /// </exception>
    public async Task WaitForReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? DefaultReadyTimeout;
        if (!await StubState.WaitForAsync(Page, null, wait, cancellationToken))
        {
            throw new MessengerNotLoadedException(NotLoadedMessage($"did not load the messenger within {wait.TotalMilliseconds:0} ms"));
        }
    }

    /// <summary>Waits until the messenger is in <paramref name="expected"/> (already being there counts).</summary>
    /// <param name="expected">The state <c>kayako.visibility()</c> should return.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns><see langword="true"/> when it got there in time; <see langword="false"/> when it did not.</returns>
    public Task<bool> TryWaitForVisibilityAsync(MessengerVisibility expected, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        StubState.WaitForAsync(Page, expected, timeout, cancellationToken);

    /// <summary>The visitor starts a conversation in the messenger's window (<c>chat_started</c>, <c>chat_state_changed</c>).</summary>
    /// <param name="cancellationToken">Stops the action.</param>
    /// <returns>A task that completes when the stub handled it.</returns>
    public Task StartChatAsync(CancellationToken cancellationToken = default) => ActAsync("start-chat", cancellationToken);

    /// <summary>
    /// An agent answers in the current conversation; while the messenger is not open, the unread count rises
    /// (<c>unread_messages_count_changed</c>) until it is maximized.
    /// </summary>
    /// <param name="cancellationToken">Stops the action.</param>
    /// <returns>A task that completes when the stub handled it.</returns>
    public Task ReceiveAgentReplyAsync(CancellationToken cancellationToken = default) => ActAsync("agent-reply", cancellationToken);

    /// <summary>The conversation ends (<c>chat_state_changed</c>, <c>chat_ended</c>).</summary>
    /// <param name="cancellationToken">Stops the action.</param>
    /// <returns>A task that completes when the stub handled it.</returns>
    public Task EndChatAsync(CancellationToken cancellationToken = default) => ActAsync("end-chat", cancellationToken);

    // The stub's window has a control per visitor action; it is in the page (in-page form) or in the snippet's
    // iframe (admin-panel form). A click event reaches it whether or not the panel is open.
    private async Task ActAsync(string action, CancellationToken cancellationToken)
    {
        if (!await IsLoadedAsync(cancellationToken))
        {
            throw new MessengerNotLoadedException(NotLoadedMessage("has not loaded the messenger, so a visitor cannot use it"));
        }

        var control = await StubState.ControlAsync(Page, action, cancellationToken);
        await control.DispatchEventAsync("click").WaitAsync(cancellationToken);
    }

    private string NotLoadedMessage(string what)
    {
        var requested = CallLog.Entries.OfType<ScriptRequested>().LastOrDefault();
        var refused = CallLog.Entries.OfType<ScriptRefused>().LastOrDefault();
        var cause = requested is null && refused is not null
            ? $"the page's Content-Security-Policy refused the messenger script {refused.ScriptUrl} (directive \"{refused.Directive}\"), so the browser never requested it: allow its origin in script-src."
            : requested is null
            ? "the page never requested the messenger script (no embed snippet?). Add Kayako's embed snippet to the page, " +
              $"set MessengerOptions.InjectSnippet, or add the page's messenger URL to MessengerOptions.ScriptUrlPatterns (now: {string.Join(", ", Session.Options.ScriptUrlPatterns)})."
            : $"the page requested the messenger script ({requested.ScriptUrl}) but it never loaded: look for a page error in the log, or a script that replaced window.kayako.";
        return $"The page {Page.Url} {what}: {cause} {CallLog.Describe()}";
    }
}
