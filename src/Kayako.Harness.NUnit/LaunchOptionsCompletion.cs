using Kayako.Harness.Hosting;
using Microsoft.Playwright;

namespace Kayako.Harness.NUnit;

/// <summary>
/// Completes the launch options Playwright's own settings give (the run settings' <c>LaunchOptions</c>, <c>Headless</c>,
/// <c>HEADED=1</c>, <c>BROWSER</c>) without overriding any of them: only a local Chromium launch with no executable
/// and no channel gets Debian's Chromium. A launch that cannot work fails here, before the browser is started, with
/// what to do.
/// </summary>
internal static class LaunchOptionsCompletion
{
    /// <summary>Completes the options for a situation.</summary>
    /// <param name="fromSettings">Playwright's options (<c>PlaywrightSettingsProvider.LaunchOptions</c>); copied, never changed.</param>
    /// <param name="situation">The browser asked for, the display, where the browsers are.</param>
    /// <returns>The options to launch with.</returns>
    /// <exception cref="BrowserNotFoundException">The browser asked for is not installed; the message says how to install it.</exception>
    /// <exception cref="TestSettingsException">A headed browser was asked for and there is no display.</exception>
    public static BrowserTypeLaunchOptions Complete(BrowserTypeLaunchOptions? fromSettings, LaunchSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        // Playwright's settings hand out one shared instance: filling it in would leak into every later test.
        var options = fromSettings is null ? new BrowserTypeLaunchOptions() : new BrowserTypeLaunchOptions(fromSettings);
        if (situation.Connecting)
        {
            return options; // the remote end has its own browser
        }

        var headless = options.Headless ?? true;
        if (!headless && !situation.HasDisplay)
        {
            var who = situation.HeadedByEnvironment
                ? "HEADED=1 asks for a browser window"
                : "The launch options ask for a browser window (Headless is false, from the run settings' Playwright > Headless or LaunchOptions > Headless, or LaunchOptionsAsync)";
            throw new TestSettingsException(
                $"{who}, and there is no display to open it on (neither DISPLAY nor WAYLAND_DISPLAY is set). Run the tests under a " +
                $"virtual display (xvfb-run dotnet test), set DISPLAY, or {(situation.HeadedByEnvironment ? "unset HEADED" : "set Headless to true")} to run headless.");
        }

        if (options.ExecutablePath is not null || options.Channel is not null)
        {
            return options; // the user's own browser build
        }

        var playwrightsOwn = situation.PlaywrightExecutable is { } path && situation.FileExists(path);
        if (situation.BrowserName != BrowserType.Chromium)
        {
            return playwrightsOwn ? options : throw new BrowserNotFoundException(NotInstalled(situation));
        }

        if (situation.FindDebianChromium(headless) is { } debian)
        {
            options.ExecutablePath = debian;
            return options;
        }

        return playwrightsOwn
            ? options
            : throw new BrowserNotFoundException(
                $"No Chromium found: not Debian's ({string.Join(" or ", headless ? ChromiumLocator.HeadlessCandidates : ChromiumLocator.HeadedCandidates)}) " +
                $"nor Playwright's own{(situation.PlaywrightExecutable is null ? "" : $" ({situation.PlaywrightExecutable})")}. Install Debian's with: " +
                $"{ChromiumLocator.InstallCommand} (as root); or Playwright's with: {InstallPlaywrightBrowser(BrowserType.Chromium)}; or set LaunchOptions > " +
                "ExecutablePath (or Channel) in the run settings.");
    }

    private static string NotInstalled(LaunchSituation situation)
    {
        var who = situation.BrowserNameSource ?? $"Playwright's settings (browser {situation.BrowserName})";
        var where = situation.PlaywrightExecutable is null ? "" : $" (no file at {situation.PlaywrightExecutable})";
        var unset = situation.BrowserNameSource?.StartsWith("BROWSER=", StringComparison.Ordinal) == true
            ? "unset BROWSER"
            : "remove Playwright > BrowserName from the run settings";
        return $"{who} asks for Playwright's {situation.BrowserName}, which is not installed{where}. Install it with: " +
               $"{InstallPlaywrightBrowser(situation.BrowserName)}; or point LaunchOptions > ExecutablePath in the run settings at a " +
               $"{situation.BrowserName} build; or {unset} to use Debian's Chromium, which Kayako.Harness.NUnit finds by itself.";
    }

    // Playwright's own installer, shipped beside the test assembly, or the same version through npx.
    private static string InstallPlaywrightBrowser(string browser)
    {
        var version = typeof(IPlaywright).Assembly.GetName().Version;
        var npx = version is null ? $"npx playwright install {browser}" : $"npx playwright@{version.Major}.{version.Minor}.{version.Build} install {browser}";
        return $"pwsh {Path.Combine(AppContext.BaseDirectory, "playwright.ps1")} install {browser} (or {npx})";
    }
}
