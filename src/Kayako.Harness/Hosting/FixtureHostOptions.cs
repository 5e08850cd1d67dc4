namespace Kayako.Harness.Hosting;

/// <summary>What a <see cref="FixtureHost"/> serves, and at which origin. Checked once, by <see cref="FixtureHost.StartAsync(FixtureHostOptions, CancellationToken)"/>.</summary>
public sealed record FixtureHostOptions
{
    /// <summary>The pages: <see cref="FixturePages.Bundled"/> (the default), a folder, embedded resources, with dynamic pages.</summary>
    public FixturePages Pages { get; init; } = FixturePages.Bundled;

    /// <summary>
    /// The origin the pages are served at in every context the host is attached to, such as
    /// <c>http://shop.test/</c>: an absolute <c>http</c> or <c>https</c> URL with no path, query or fragment.
    /// Nothing listens there; the browser context's routing answers it. Defaults to <see cref="FixtureHost.BaseUrl"/>.
    /// </summary>
    public string Origin { get; init; } = FixtureHost.BaseUrl;

    /// <summary>The origin as served: checked, and ending in <c>/</c>.</summary>
    /// <returns>The normalised origin.</returns>
    /// <exception cref="ArgumentException">The origin is not an absolute http(s) origin; the message names it.</exception>
    internal string NormalisedOrigin()
    {
        ArgumentNullException.ThrowIfNull(Pages, nameof(Pages));
        if (Origin is null
            || !Uri.TryCreate(Origin, UriKind.Absolute, out var origin)
            || origin.Scheme is not ("http" or "https")
            || origin.AbsolutePath != "/"
            || origin.Query.Length > 0
            || origin.Fragment.Length > 0
            || origin.UserInfo.Length > 0)
        {
            throw new ArgumentException(
                $"FixtureHostOptions.Origin is '{Origin}', which is not an origin. Give an absolute http or https URL with no path, query " +
                $"or fragment, such as '{FixtureHost.BaseUrl}'.",
                nameof(Origin));
        }

        return origin.GetLeftPart(UriPartial.Authority) + "/";
    }
}
