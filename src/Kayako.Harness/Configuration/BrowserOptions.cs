namespace Kayako.Harness.Configuration;

/// <summary>The <c>browser</c> section: which Chromium to launch and how.</summary>
/// <param name="ExecutablePath">
/// The Chromium binary, or <see langword="null"/> to look for Debian's (see <c>ChromiumLocator</c>).
/// </param>
/// <param name="Headless">Whether the browser runs without a window. Machines without a display need <see langword="true"/>.</param>
public sealed record BrowserOptions(string? ExecutablePath = null, bool Headless = true);
