namespace Kayako.Harness.Messenger;

/// <summary>What a <see cref="CallLogEntry"/> records.</summary>
public enum CallLogEntryKind
{
    /// <summary>The page requested the messenger script (before the stub answered it).</summary>
    ScriptRequested,

    /// <summary>
    /// When the top page's load event fired, <c>window.kayako</c> held the snippet's object: the messenger is
    /// on its way (or its script URL does not match <c>messenger.scriptUrl</c>).
    /// </summary>
    SnippetFound,

    /// <summary>The stub took over <c>window.kayako</c>: the messenger is loaded.</summary>
    Loaded,

    /// <summary>A messenger method ran after load. <see cref="CallLogEntry.Name"/> is the method.</summary>
    Call,

    /// <summary>
    /// A method other than <c>ready</c> was called on the snippet's <c>window.kayako</c> before the messenger
    /// loaded; it threw in the page, as it does in production. Seen from the page's uncaught
    /// <c>TypeError: kayako.x is not a function</c>, so the arguments are unknown (empty) and
    /// <see cref="CallLogEntry.Detail"/> is the error and where it was thrown.
    /// </summary>
    CallBeforeReady,

    /// <summary>
    /// The page set <c>kayako.config</c> before the messenger loaded, and the messenger read it on load;
    /// <see cref="CallLogEntry.Arguments"/> holds the object.
    /// </summary>
    Config,

    /// <summary>A <c>ready</c> callback ran (queued ones when the messenger loads, later ones at once).</summary>
    ReadyCallback,

    /// <summary>A messenger event fired (<c>chat_window_maximized</c>, <c>identified</c>, ...).</summary>
    Event,

    /// <summary>The messenger sent a request to <c>_settings.apiUrl</c> (<c>identify</c> or <c>forget</c>).</summary>
    Request,

    /// <summary>The fake Kayako API answered a request.</summary>
    Response,

    /// <summary>The callback given to <c>forget</c> ran.</summary>
    ForgetCallback,

    /// <summary>An uncaught error in the page.</summary>
    PageError,

    /// <summary>
    /// Where a page's uncaught <c>SyntaxError</c> came from, as the page's error event saw it (the error itself has
    /// no stack): <see cref="CallLogEntry.Detail"/> is the message and location, and the one argument is
    /// <c>{"inline": true}</c> when the script was inline in the page's markup.
    /// </summary>
    ErrorLocation,

    /// <summary>
    /// The page sent the harness as many entries as one document may (20,000); what it did after that is not
    /// logged. A page that calls the messenger or throws in a loop ends up here.
    /// </summary>
    LogLimit,

    /// <summary>
    /// A new document started in the top frame (logged by the page-side script before the page's own scripts
    /// run); a <c>history.pushState</c> route, which is a <see cref="Navigation"/> too, does not start one.
    /// </summary>
    DocumentStarted,

    /// <summary>A frame navigated (the main frame: a new page or a reload).</summary>
    Navigation,

    /// <summary>
    /// A request to a Kayako host that the harness does not fake (the messenger script and the API are
    /// faked); it was aborted so that Kayako's servers are never contacted. <see cref="CallLogEntry.Detail"/> is the URL.
    /// </summary>
    BlockedRequest,

    /// <summary>
    /// The top-level page started to leave for another document (its <c>beforeunload</c> fired). Recorded by
    /// the page itself, so it is ordered with the page's own calls: a <c>forget</c> callback recorded after it
    /// ran only because the navigation was slow, not because the page waited for it.
    /// </summary>
    Leaving,
}
