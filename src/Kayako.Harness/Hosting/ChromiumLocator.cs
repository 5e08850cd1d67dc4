namespace Kayako.Harness.Hosting;

/// <summary>
/// Finds the Chromium the harness drives. Playwright cannot download its own browsers on most CI machines
/// behind a closed network, so Debian's packages are the default: <c>chromium-headless-shell</c> for headless
/// runs (the build Playwright itself uses headless), <c>chromium</c> otherwise.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>
    /// Where Chromium is looked for in a headless run, in order: Debian's headless shell, Debian's browser
    /// binary, Debian's wrapper script.
    /// </summary>
    /// <remarks>
    /// The headless shell is the old headless mode as its own program: it opens a context and a page with
    /// about a third of the full browser's CPU, which is most of a spec's cost. The browser binary comes before
    /// the <c>/usr/bin/chromium</c> wrapper, which prints a shell warning on every start.
    /// </remarks>
    public static IReadOnlyList<string> HeadlessCandidates { get; } =
        ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    /// <summary>Where Chromium is looked for in a headed run, in order.</summary>
    public static IReadOnlyList<string> HeadedCandidates { get; } = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    /// <summary>The command that installs Chromium on Debian and Ubuntu.</summary>
    public const string InstallCommand = "apt-get update && apt-get install -y chromium chromium-headless-shell";

    /// <summary>
    /// The Chromium to launch: <paramref name="configured"/> when given (it must exist), else the first
    /// candidate that exists.
    /// </summary>
    /// <param name="configured">An explicit path, from <c>browser.executablePath</c> or a test's options.</param>
    /// <param name="headless">Whether the browser runs headless; a headed run needs the full browser.</param>
    /// <returns>The executable path.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found; the message says how to install one.</exception>
    public static string Locate(string? configured = null, bool headless = true)
    {
        var candidates = headless ? HeadlessCandidates : HeadedCandidates;
        if (configured is not null)
        {
            return File.Exists(configured)
                ? configured
                : throw new BrowserNotFoundException(
                    $"browser.executablePath is '{configured}', and no file exists there. Point it at a Chromium " +
                    $"binary, or set it to null to use Debian's ({string.Join(" or ", candidates)}); install that with: {InstallCommand}");
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BrowserNotFoundException(
                $"No Chromium found at {string.Join(" or ", candidates)}. Install Debian's with: {InstallCommand} " +
                "(as root), or set browser.executablePath in playwright.config.json.");
    }
}
