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
}
