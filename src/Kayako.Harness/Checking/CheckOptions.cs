namespace Kayako.Harness.Checking;

/// <summary>How a check runs, beyond what the configuration file says.</summary>
public sealed record CheckOptions
{
    /// <summary>How many sites run at once, each in its own browser context. Defaults to the number of cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>How long one step (a navigation, click, fill or expectation) may take before it fails.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The messenger token, already read from <c>messenger.tokenEnv</c> (or a test's own). <see langword="null"/>:
    /// signatures are checked for form only and token exposure cannot be looked for. Never printed.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>Where the token came from, for notes (<c>KAYAKO_MESSENGER_TOKEN</c>); never the token itself.</summary>
    public string? TokenSource { get; init; }

    /// <summary>Whether failing sites keep a Playwright trace under <c>report.dir</c>.</summary>
    public bool KeepTraces { get; init; } = true;

    /// <summary>
    /// Runs on each site's fresh context before the stub is installed and the site opened: route your own
    /// hosts (an in-process test server, say), add cookies for a signed-in session, grant permissions.
    /// </summary>
    public Func<Microsoft.Playwright.IBrowserContext, CancellationToken, Task>? PrepareContextAsync { get; init; }

    /// <summary>
    /// Check only the sites of this share (<c>--shard 2/4</c>; which sites: <see cref="Checking.Shard"/>), or
    /// <see langword="null"/> for every site. A shard with no sites passes at once, with a note, and starts no browser.
    /// </summary>
    public Shard? Shard { get; init; }

    /// <summary>
    /// Whether a site where the messenger did not load is an error (<c>messenger-not-loaded</c>), as it is by default.
    /// <see langword="false"/> (a crawl without <c>--require-messenger</c>): such a site gets no finding for it, and its
    /// result says so (<see cref="SiteResult.MessengerMissing"/>) for the run's notes to count.
    /// </summary>
    public bool RequireMessenger { get; init; } = true;

    /// <summary>The most runs per site <see cref="RepeatEach"/> allows: each run is a whole play of the site, in its own context.</summary>
    public const int MaxRepeatEach = 100;

    /// <summary>
    /// How many times each site is played, each run in a fresh context with the site's whole budget (<c>--repeat-each</c>;
    /// 1 to <see cref="MaxRepeatEach"/>, default 1). Runs of one site may go to different workers at once. Runs that
    /// disagree make the site flaky (<see cref="SiteResult.Flaky"/>), and each finding says in how many runs it appeared.
    /// </summary>
    public int RepeatEach { get; init; } = 1;

    /// <summary>Hears about each site as it starts and finishes (console progress).</summary>
    public ICheckProgress? Progress { get; init; }

    /// <summary>What each site's context is signed in with (credentials, headers, storage state); set by the run itself.</summary>
    internal SignIn? SignIn { get; init; }

    /// <summary>What each site's browser pretends to be (device, viewport, locale, ...); resolved by the run itself.</summary>
    internal DeviceEmulation Emulation { get; init; } = DeviceEmulation.Desktop;

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(CheckOptions)} {{ Workers = {Workers}, StepTimeout = {StepTimeout}, Token = {(Token is null ? "null" : "(set, hidden)")}, KeepTraces = {KeepTraces}, Shard = {Shard?.ToString() ?? "null"}, RepeatEach = {RepeatEach} }}";
}
