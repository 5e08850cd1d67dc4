namespace Kayako.Harness.Configuration;

/// <summary>The <c>browser</c> section: which Chromium to launch and how, or which remote browser to connect to.</summary>
/// <param name="ExecutablePath">
/// The Chromium binary, or <see langword="null"/> to look for Debian's (see <c>ChromiumLocator</c>). Not used with <see cref="Connect"/>.
/// </param>
/// <param name="Headless">Whether the browser runs without a window. Machines without a display need <see langword="true"/>. Not used with <see cref="Connect"/>.</param>
public sealed record BrowserOptions(string? ExecutablePath = null, bool Headless = true)
{
    /// <summary>
    /// A remote browser to connect to instead of launching one (a Playwright server or a CDP endpoint), or
    /// <see langword="null"/> (the default) to launch the local Chromium.
    /// </summary>
    public BrowserConnection? Connect { get; init; }

    /// <summary>HTTP authentication for every site (<c>browser.httpCredentials</c>), or <see langword="null"/> for none.</summary>
    public HttpCredentialVariables? HttpCredentials { get; init; }

    /// <summary>
    /// Headers sent with every request of every site (<c>browser.headers</c>): the header's name to the NAME of the
    /// environment variable holding its value (values are often credentials: they never appear in the configuration, output or reports).
    /// </summary>
    public IReadOnlyDictionary<string, string> HeaderVariables { get; init; } = NoHeaders;

    // One instance, so options without headers compare equal.
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>
    /// A Playwright storage-state file (cookies and local storage, as <c>context.storageState()</c> saves it) every
    /// site's context starts from (<c>browser.storageState</c>), as a full path; or <see langword="null"/>.
    /// </summary>
    public string? StorageState { get; init; }

    /// <summary>
    /// What every site's browser pretends to be (<c>browser.device</c>, <c>viewport</c>, <c>locale</c>, <c>timezoneId</c>,
    /// <c>colorScheme</c>) unless the site's own <c>browser</c> object says otherwise (<see cref="SiteDefinition.Emulation"/>).
    /// </summary>
    public EmulationSettings Emulation { get; init; } = EmulationSettings.None;
}
