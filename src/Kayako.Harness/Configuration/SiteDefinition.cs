namespace Kayako.Harness.Configuration;

/// <summary>One entry of <c>sites</c>: a page to open and the steps to play on it.</summary>
/// <param name="Name">The name reports use; unique within a configuration.</param>
/// <param name="Url">The absolute http(s) URL opened first.</param>
/// <param name="Steps">The steps, in order; may be empty (open the page and check what it does on its own).</param>
/// <param name="JsonPath">Where the site came from in the configuration (<c>$.sites[2]</c>), for messages.</param>
public sealed record SiteDefinition(string Name, Uri Url, IReadOnlyList<SiteStep> Steps, string JsonPath)
{
    /// <summary>
    /// The site's own <c>browser</c> object (device, viewport, locale, time zone, colour scheme), layered over the
    /// configuration's <see cref="BrowserOptions.Emulation"/>; or <see langword="null"/> when the site has none.
    /// </summary>
    public EmulationSettings? Emulation { get; init; }
}
