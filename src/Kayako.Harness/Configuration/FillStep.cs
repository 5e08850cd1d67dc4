namespace Kayako.Harness.Configuration;

/// <summary>Types a value into the input a selector matches.</summary>
/// <param name="Index">The position in the site's steps.</param>
/// <param name="JsonPath">Where the step came from.</param>
/// <param name="IsLogout">Whether the step signs the user out.</param>
/// <param name="Selector">A Playwright selector for an input, textarea or contenteditable element.</param>
/// <param name="Value">The text to fill in.</param>
public sealed record FillStep(int Index, string JsonPath, bool IsLogout, string Selector, string Value) : SiteStep(Index, JsonPath, IsLogout)
{
    /// <inheritdoc />
    protected override string DescribeAction() => $"fill \"{Selector}\"";
}
