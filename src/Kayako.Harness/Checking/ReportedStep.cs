using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking;

/// <summary>
/// A step as a JSON report recorded it (<see cref="Reports.JsonReportReader"/>): its place, JSON path and action in
/// words, enough for the reports to show it, not something that can be played again.
/// </summary>
/// <param name="Index">The position in the site's steps.</param>
/// <param name="JsonPath">Where the step came from.</param>
/// <param name="IsLogout">Whether the step signs the user out.</param>
/// <param name="Recorded">The action as the report worded it (<c>click "#logout"</c>).</param>
internal sealed record ReportedStep(int Index, string JsonPath, bool IsLogout, string Recorded) : SiteStep(Index, JsonPath, IsLogout)
{
    /// <inheritdoc />
    protected override string DescribeAction() => Recorded;
}
