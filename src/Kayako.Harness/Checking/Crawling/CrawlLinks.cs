using System.Text.RegularExpressions;

namespace Kayako.Harness.Checking.Crawling;

/// <summary>
/// The crawl's link rules, free of the browser: resolving and normalising a link (no fragment, so <c>/a</c> and
/// <c>/a#x</c> are one page), and which links are not followed (another origin, a download, <c>rel=nofollow</c>,
/// a sign-out, a path the include/exclude globs leave out).
/// </summary>
internal static partial class CrawlLinks
{
    private static readonly HashSet<string> DownloadExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".dmg", ".exe", ".msi", ".pkg", ".deb", ".rpm", ".apk", ".iso",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
        ".mp3", ".mp4", ".m4a", ".mov", ".avi", ".webm", ".wav", ".ogg", ".mkv",
        ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".csv", ".rtf", ".epub",
        ".css", ".js", ".json", ".xml", ".txt", ".woff", ".woff2", ".ttf", ".eot",
    };

    /// <summary>
    /// The absolute http(s) page a link leads to, without its fragment, or <see langword="null"/> for anything else
    /// (<c>mailto:</c>, <c>tel:</c>, <c>javascript:</c>, an href that is not a URL).
    /// </summary>
    /// <param name="baseUrl">What relative links resolve against: the page's URL, or its <c>&lt;base href&gt;</c>.</param>
    /// <param name="href">The attribute as written.</param>
    public static Uri? Resolve(Uri baseUrl, string href)
    {
        // An empty href or a bare fragment is the page itself; Normalise drops the fragment.
        return Uri.TryCreate(baseUrl, href.Trim(), out var url) && url.Scheme is "http" or "https" ? Normalise(url) : null;
    }

    /// <summary>The page a URL names: no fragment, no user info; scheme and host in lower case, the default port left out, an empty path as <c>/</c>.</summary>
    public static Uri Normalise(Uri url)
    {
        var builder = new UriBuilder(url) { Fragment = "", UserName = "", Password = "" };
        if (builder.Uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return new Uri(builder.Uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped));
    }

    /// <summary>Whether two URLs share scheme, host and port.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>Why a same-origin link is not followed (the globs are the caller's), or <see langword="null"/> to follow it.</summary>
    public static CrawlSkipReason? Skip(CrawlLink link, Uri url, bool followLogout)
    {
        if (link.Download || DownloadExtensions.Contains(Path.GetExtension(url.AbsolutePath)))
        {
            return CrawlSkipReason.Download;
        }

        if (link.Rel is { } rel && rel.Split((char[])[' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
                .Contains("nofollow", StringComparer.OrdinalIgnoreCase))
        {
            return CrawlSkipReason.NoFollow;
        }

        if (!followLogout && (LooksLikeLogout(Uri.UnescapeDataString(url.PathAndQuery)) || LooksLikeLogout(link.Text)))
        {
            return CrawlSkipReason.Logout;
        }

        return null;
    }

    /// <summary>Whether a link's URL or text reads as a sign-out: logout, log-out, log out, signout, sign-out, sign_out, logoff, as a word.</summary>
    public static bool LooksLikeLogout(string? text) => text is not null && LogoutWord().IsMatch(text);

    /// <summary>A site name for a crawled page: its path and query (<c>/</c> for the root).</summary>
    public static string SiteName(Uri url) => url.PathAndQuery;

    // "catalogoffers" or "blogout" are not sign-outs: the word must stand on its own (a letter or digit on neither side).
    [GeneratedRegex(@"(?<![a-z0-9])(?:log[\s_-]?out|sign[\s_-]?out|log[\s_-]?off)(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogoutWord();
}
