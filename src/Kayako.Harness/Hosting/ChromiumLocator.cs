namespace Kayako.Harness.Hosting;

/// <summary>
/// Finds the Chromium the harness drives. Playwright cannot download its own browsers on most CI machines
/// behind a closed network, so Debian's <c>chromium</c> package is the default.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Where Chromium is looked for, in order: Debian's binary, Debian's wrapper script.</summary>
    /// <remarks>
    /// The binary comes first: the <c>/usr/bin/chromium</c> wrapper prints a shell warning on every start.
    /// Playwright's own download is used when neither exists (an executable path of <see langword="null"/>).
    /// </remarks>
    public static IReadOnlyList<string> Candidates { get; } = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    /// <summary>The command that installs Chromium on Debian and Ubuntu.</summary>
    public const string InstallCommand = "apt-get update && apt-get install -y chromium";

    /// <summary>
    /// The Chromium to launch: <paramref name="configured"/> when given (it must exist), else the first
    /// candidate that exists.
    /// </summary>
    /// <param name="configured">An explicit path, from <c>browser.executablePath</c> or a test's options.</param>
    /// <returns>The executable path.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found; the message says how to install one.</exception>
    public static string Locate(string? configured = null)
    {
        if (configured is not null)
        {
            return File.Exists(configured)
                ? configured
                : throw new BrowserNotFoundException(
                    $"browser.executablePath is '{configured}', and no file exists there. Point it at a Chromium " +
                    $"binary, or set it to null to use Debian's ({string.Join(" or ", Candidates)}); install that with: {InstallCommand}");
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new BrowserNotFoundException(
                $"No Chromium found at {string.Join(" or ", Candidates)}. Install Debian's with: {InstallCommand} " +
                "(as root), or set browser.executablePath in playwright.config.json.");
    }
}
