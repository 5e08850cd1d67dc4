namespace Kayako.Harness.Messenger;

/// <summary>
/// What a <see cref="CallLogEntry"/> records; each kind is one sealed record (named in each member's
/// documentation). The page-side scripts name the kinds they send by these names (a unit test holds the two
/// together); the other kinds are logged by the harness itself.
/// </summary>
public enum CallLogEntryKind
{
    /// <summary>The page requested the messenger script, before the stub answered it: <see cref="Messenger.ScriptRequested"/>.</summary>
    ScriptRequested,

    /// <summary>
    /// When the top page's load event fired, <c>window.kayako</c> held the snippet's object: the messenger is
    /// on its way (or its script URL does not match <c>messenger.scriptUrl</c>). <see cref="Messenger.SnippetFound"/>.
    /// </summary>
    SnippetFound,

    /// <summary>The stub took over <c>window.kayako</c>: the messenger is loaded. <see cref="MessengerLoaded"/>.</summary>
    Loaded,

    /// <summary>A messenger method ran after load: <see cref="MessengerCall"/>.</summary>
    Call,

    /// <summary>
    /// A method other than <c>ready</c> was called on the snippet's <c>window.kayako</c> before the messenger
    /// loaded; it threw in the page, as it does in production. <see cref="Messenger.CallBeforeReady"/>.
    /// </summary>
    CallBeforeReady,

    /// <summary>
    /// The page set <c>kayako.config</c> before the messenger loaded, and the messenger read it on load:
    /// <see cref="ConfigRead"/>.
    /// </summary>
    Config,

    /// <summary>A <c>ready</c> callback ran (queued ones when the messenger loads, later ones at once): <see cref="ReadyCallbackRan"/>.</summary>
    ReadyCallback,

    /// <summary>A messenger event fired (<c>chat_window_maximized</c>, <c>identified</c>, ...): <see cref="MessengerEvent"/>.</summary>
    Event,

    /// <summary>The messenger sent a request to <c>_settings.apiUrl</c> (<c>identify</c> or <c>forget</c>): <see cref="ApiRequest"/>.</summary>
    Request,

    /// <summary>The fake Kayako API answered a request: <see cref="ApiResponse"/>.</summary>
    Response,

    /// <summary>The callback given to <c>forget</c> ran (or would have, had one been given): <see cref="ForgetCallbackRan"/>.</summary>
    ForgetCallback,

    /// <summary>An uncaught error in the page: <see cref="Messenger.PageError"/>.</summary>
    PageError,

    /// <summary>
    /// Where a page's uncaught <c>SyntaxError</c> came from, as the page's error event saw it (the error itself has
    /// no stack), and whether the script was inline in the page's markup: <see cref="Messenger.ErrorLocation"/>.
    /// </summary>
    ErrorLocation,

    /// <summary>
    /// A page sent the harness as many entries (20,000 per document) or threw as many uncaught errors (1,000) as
    /// it may; what it did after that is not logged. A page that calls the messenger or throws in a loop ends up
    /// here. <see cref="LogLimitReached"/>.
    /// </summary>
    LogLimit,

    /// <summary>
    /// A new document started in the top frame (logged by the page-side script before the page's own scripts
    /// run); a <c>history.pushState</c> route, which is a <see cref="Navigation"/> too, does not start one.
    /// <see cref="Messenger.DocumentStarted"/>.
    /// </summary>
    DocumentStarted,

    /// <summary>The main frame navigated (a new page, a reload, a <c>history.pushState</c> route): <see cref="Messenger.Navigation"/>.</summary>
    Navigation,

    /// <summary>
    /// A request to a Kayako host that the harness does not fake (the messenger script and the API are
    /// faked); it was aborted so that Kayako's servers are never contacted. <see cref="Messenger.BlockedRequest"/>.
    /// </summary>
    BlockedRequest,

    /// <summary>
    /// The top-level page started to leave for another document (its <c>beforeunload</c> fired). Recorded by
    /// the page itself, so it is ordered with the page's own calls: a <c>forget</c> callback recorded after it
    /// ran only because the navigation was slow, not because the page waited for it. <see cref="PageLeaving"/>.
    /// </summary>
    Leaving,

    /// <summary>
    /// The page-side script sent a message the harness could not read (an unknown kind, a missing field): a
    /// mismatch between the harness's JavaScript and C#, which is a bug in the harness. Logged instead of the
    /// entry, never thrown; <c>check</c> notes it on the site. <see cref="Messenger.UnrecognizedMessage"/>.
    /// </summary>
    UnrecognizedMessage,

    /// <summary>
    /// The page's Content-Security-Policy refused the messenger script, so the browser never requested it (read
    /// from the browser's console error): <see cref="Messenger.ScriptRefused"/>.
    /// </summary>
    ScriptRefused,
}
