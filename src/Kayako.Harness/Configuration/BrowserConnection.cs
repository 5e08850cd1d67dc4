namespace Kayako.Harness.Configuration;

/// <summary>
/// The <c>browser.connect</c> section: a remote browser <c>check</c> connects to instead of launching Chromium.
/// Routing (the stub, the fake API, fixture hosts) still runs in this process, so it works the same remotely.
/// </summary>
/// <param name="Endpoint">
/// A Playwright server's WebSocket endpoint (<c>ws://</c> or <c>wss://</c>, as <c>playwright run-server</c>
/// prints it) or, with <paramref name="OverCdp"/>, a Chromium's DevTools endpoint (<c>http(s)://</c> or <c>ws(s)://</c>).
/// </param>
/// <param name="OverCdp">Whether <paramref name="Endpoint"/> speaks the Chrome DevTools Protocol rather than Playwright's.</param>
/// <param name="HeaderVariables">
/// Headers sent when connecting: the header's name to the NAME of the environment variable holding its value
/// (values are often credentials, so they never appear in the configuration, output or reports).
/// </param>
public sealed record BrowserConnection(Uri Endpoint, bool OverCdp, IReadOnlyDictionary<string, string> HeaderVariables)
{
    /// <summary>
    /// The connection a <c>--connect URL</c> option names: <c>ws://</c> or <c>wss://</c> is a Playwright server,
    /// <c>http://</c> or <c>https://</c> a CDP endpoint. No headers.
    /// </summary>
    /// <param name="url">The endpoint as typed.</param>
    /// <param name="source">Where it came from, for the error (<c>--connect</c>).</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ConfigurationException">The URL is not absolute ws(s) or http(s).</exception>
    public static BrowserConnection FromUrl(string url, string source)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            if (uri.Scheme is "ws" or "wss")
            {
                return new BrowserConnection(uri, OverCdp: false, new Dictionary<string, string>());
            }

            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                return new BrowserConnection(uri, OverCdp: true, new Dictionary<string, string>());
            }
        }

        // Only the scheme of a URL is shown: the rest of one that is no endpoint may still carry credentials.
        throw new ConfigurationException("the command line", [new ConfigurationProblem(source,
            $"{Shown(url)} is not a browser endpoint; give a Playwright server's ws:// or wss:// URL " +
            "(like ws://127.0.0.1:3000/), or a Chromium's DevTools http:// URL (like http://127.0.0.1:9222).")]);
    }

    /// <summary>The endpoint as it may be shown: no user information, query or fragment (they may hold credentials).</summary>
    public string DisplayEndpoint => Redacted(Endpoint);

    /// <summary>The endpoint text as it may be shown: without user information, query or fragment.</summary>
    internal static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? Redacted(uri)
        : url.IndexOfAny(['@', '?', '#']) < 0 && url.Length <= 200 ? url
        : "(not shown: it may hold credentials)";

    /// <summary>A value that is not a usable endpoint, as an error shows it: only the scheme of a URL, since the rest may carry credentials.</summary>
    internal static string Shown(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? $"a {uri.Scheme}:// URL" : $"\"{Redacted(text)}\"";

    private static string Redacted(Uri uri)
    {
        var builder = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" };
        var text = builder.Uri.GetLeftPart(UriPartial.Path);
        return uri.Query.Length > 1 || uri.UserInfo.Length > 0 ? text + " (credentials and query not shown)" : text;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(BrowserConnection)} {{ Endpoint = {DisplayEndpoint}, OverCdp = {OverCdp}, Headers = [{string.Join(", ", HeaderVariables.Select(h => $"{h.Key} from ${h.Value}"))}] }}";
}
