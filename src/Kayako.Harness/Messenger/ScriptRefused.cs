using System.Text.RegularExpressions;

namespace Kayako.Harness.Messenger;

/// <summary>
/// The page's Content-Security-Policy refused a script matching <see cref="MessengerOptions.ScriptUrlPatterns"/>:
/// the browser never requested it, so no visitor sees the messenger (<see cref="CallLogEntryKind.ScriptRefused"/>).
/// Read from the browser's own console error; a report-only policy's violation refuses nothing and is not one.
/// </summary>
/// <param name="ScriptUrl">The script's URL as the browser named it.</param>
/// <param name="Directive">The directive that refused it, as the policy wrote it (<c>script-src 'self'</c>).</param>
public sealed partial record ScriptRefused(string ScriptUrl, string Directive) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.ScriptRefused;

    /// <inheritdoc />
    public override string Summary => $"{ScriptUrl} refused by the Content-Security-Policy directive \"{Directive}\"";

    /// <summary>
    /// The script and directive a console error reports, when it is Chromium's message for a script the policy blocked
    /// and the script is the messenger's; otherwise <see langword="null"/>. Both wordings are read: "Loading the script 'URL'
    /// violates ..." (Chromium 13x) and "Refused to load the script 'URL' because it violates ..." (before). A
    /// report-only policy's message (an info, not an error) says so, and is not a refusal.
    /// </summary>
    internal static (string ScriptUrl, string Directive)? ReadConsoleError(string text, IReadOnlyList<Regex> messengerScripts)
    {
        var match = RefusalMessage().Match(text);
        if (!match.Success || text.Contains("report-only", StringComparison.Ordinal))
        {
            return null;
        }

        var url = match.Groups["url"].Value;
        return messengerScripts.Any(script => script.IsMatch(url)) ? (url, match.Groups["directive"].Value) : null;
    }

    [GeneratedRegex("""^(?:Loading the script '(?<url>[^']+)' violates|Refused to load the script '(?<url>[^']+)' because it violates) the following Content Security Policy directive: "(?<directive>[^"]*)"\.""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RefusalMessage();
}
