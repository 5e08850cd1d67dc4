namespace Kayako.Harness.Configuration;

/// <summary>Navigates to a URL; a relative <c>goto</c> has been resolved against the site's URL.</summary>
/// <param name="Index">The position in the site's steps.</param>
/// <param name="JsonPath">Where the step came from.</param>
/// <param name="IsLogout">Whether the navigation signs the user out.</param>
/// <param name="Url">The absolute URL.</param>
public sealed record GotoStep(int Index, string JsonPath, bool IsLogout, Uri Url) : SiteStep(Index, JsonPath, IsLogout)
{
    /// <inheritdoc />
    // As written (Uri.ToString would half-decode a query, hiding an encoded value from redaction).
    protected override string DescribeAction() => $"goto \"{Url.OriginalString}\"";
}
