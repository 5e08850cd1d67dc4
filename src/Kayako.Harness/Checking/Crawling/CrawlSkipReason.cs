namespace Kayako.Harness.Checking.Crawling;

/// <summary>Why a crawl did not check a link it found.</summary>
public enum CrawlSkipReason
{
    /// <summary>The crawl already had <see cref="CrawlOptions.MaxPages"/> pages (<c>--max-pages</c>).</summary>
    MaxPages,

    /// <summary>Its path matched an <see cref="CrawlOptions.Exclude"/> glob, or no <see cref="CrawlOptions.Include"/> glob.</summary>
    Excluded,

    /// <summary>The link had <c>rel="nofollow"</c>.</summary>
    NoFollow,

    /// <summary>The link looked like a sign-out (logout, log-out, signout, sign-out, logoff) and <see cref="CrawlOptions.FollowLogout"/> was off.</summary>
    Logout,

    /// <summary>The link is a download: a <c>download</c> attribute, or a file extension such as <c>.pdf</c>, <c>.zip</c> or <c>.png</c>.</summary>
    Download,

    /// <summary>The link leads to another origin (scheme, host and port).</summary>
    OtherOrigin,
}
