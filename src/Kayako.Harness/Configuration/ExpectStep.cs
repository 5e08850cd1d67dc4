using Kayako.Harness.Messenger;

namespace Kayako.Harness.Configuration;

/// <summary>Checks the messenger's state at this point; at least one of the two expectations is set.</summary>
/// <param name="Index">The position in the site's steps.</param>
/// <param name="JsonPath">Where the step came from.</param>
/// <param name="Visibility">The state <c>visibility()</c> should report, or <see langword="null"/> to not check it.</param>
/// <param name="Identified">Who should have been identified by now, or <see langword="null"/> to not check it.</param>
public sealed record ExpectStep(int Index, string JsonPath, MessengerVisibility? Visibility, ExpectedIdentity? Identified)
    : SiteStep(Index, JsonPath, IsLogout: false)
{
    /// <inheritdoc />
    protected override string DescribeAction()
    {
        var parts = new List<string>(2);
        if (Visibility is { } visibility)
        {
            parts.Add($"visibility {visibility.ToWireName()}");
        }

        if (Identified is { } identified)
        {
            parts.Add(identified switch
            {
                ExpectedIdentity.NotIdentified => "identified false",
                ExpectedIdentity.Identified => "identified true",
                _ => "identified verified",
            });
        }

        return "expect " + string.Join(", ", parts);
    }
}
