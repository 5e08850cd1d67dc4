using Kayako.Harness.Hosting;

namespace Kayako.Harness.NUnit;

/// <summary>
/// What, besides the launch options themselves, decides how <see cref="MessengerPageTest"/> completes them: the
/// browser Playwright was asked for and by whom, whether a remote browser is used, whether there is a display,
/// and where the browsers are. Read from the environment by <see cref="MessengerPageTest"/>; built by hand in tests.
/// </summary>
internal sealed record LaunchSituation
{
    /// <summary>The browser Playwright.NUnit picked: <c>chromium</c>, <c>firefox</c> or <c>webkit</c>.</summary>
    public string BrowserName { get; init; } = Microsoft.Playwright.BrowserType.Chromium;

    /// <summary>Who asked for <see cref="BrowserName"/>, for messages: <c>BROWSER=firefox</c>, the run settings, or <see langword="null"/> (the default).</summary>
    public string? BrowserNameSource { get; init; }

    /// <summary>Whether a remote browser is used (<c>ConnectOptionsAsync</c>, or Playwright's service variables): nothing is launched here.</summary>
    public bool Connecting { get; init; }

    /// <summary>Whether <c>HEADED=1</c> is set (Playwright has already turned it into <c>Headless = false</c>).</summary>
    public bool HeadedByEnvironment { get; init; }

    /// <summary>Whether a headed browser has somewhere to open its window (on Linux, <c>DISPLAY</c> or <c>WAYLAND_DISPLAY</c>).</summary>
    public bool HasDisplay { get; init; } = true;

    /// <summary>Where Playwright's own download of <see cref="BrowserName"/> lives, whether installed or not; <see langword="null"/> when unknown.</summary>
    public string? PlaywrightExecutable { get; init; }

    /// <summary>Whether a file exists (<see cref="File.Exists"/>).</summary>
    public Func<string, bool> FileExists { get; init; } = File.Exists;

    /// <summary>Debian's Chromium for a headless (<see langword="true"/>) or headed run, or <see langword="null"/> when it is not installed.</summary>
    public Func<bool, string?> FindDebianChromium { get; init; } = headless =>
        (headless ? ChromiumLocator.HeadlessCandidates : ChromiumLocator.HeadedCandidates).FirstOrDefault(File.Exists);

    /// <summary>The situation of this process: its environment variables, and the browser type Playwright.NUnit set up.</summary>
    /// <param name="browserName">The browser Playwright.NUnit picked.</param>
    /// <param name="playwrightExecutable">Where Playwright's own build of it would be (<c>IBrowserType.ExecutablePath</c>).</param>
    /// <param name="connecting">Whether the test connects to a remote browser.</param>
    /// <returns>The situation.</returns>
    public static LaunchSituation FromEnvironment(string browserName, string? playwrightExecutable, bool connecting)
    {
        var browserVariable = Environment.GetEnvironmentVariable("BROWSER");
        // Playwright ignores a BROWSER that GitHub Codespaces and dev containers set to a VS Code helper script.
        var fromVariable = !string.IsNullOrEmpty(browserVariable) && !browserVariable.StartsWith("/vscode/", StringComparison.Ordinal);
        return new LaunchSituation
        {
            BrowserName = browserName,
            BrowserNameSource = fromVariable ? $"BROWSER={browserVariable}"
                : browserName == Microsoft.Playwright.BrowserType.Chromium ? null
                : $"the run settings (Playwright > BrowserName is {browserName})",
            Connecting = connecting || PlaywrightServiceConnects(),
            HeadedByEnvironment = Environment.GetEnvironmentVariable("HEADED") == "1",
            HasDisplay = !OperatingSystem.IsLinux()
                || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
                || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")),
            PlaywrightExecutable = playwrightExecutable,
        };
    }

    // Playwright.NUnit connects to Playwright's cloud service, instead of launching, when both of these are set.
    private static bool PlaywrightServiceConnects() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYWRIGHT_SERVICE_ACCESS_TOKEN"))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYWRIGHT_SERVICE_URL"));
}
