namespace Kayako.Harness.Configuration;

/// <summary>Clicks the first element a selector matches.</summary>
/// <param name="Index">The position in the site's steps.</param>
/// <param name="JsonPath">Where the step came from.</param>
/// <param name="IsLogout">Whether the click signs the user out.</param>
/// <param name="Selector">A Playwright selector (CSS by default).</param>
public sealed record ClickStep(int Index, string JsonPath, bool IsLogout, string Selector) : SiteStep(Index, JsonPath, IsLogout)
{
    /// <inheritdoc />
    protected override string DescribeAction() => $"click \"{Selector}\"";
}
