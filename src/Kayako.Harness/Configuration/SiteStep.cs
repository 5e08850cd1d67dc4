namespace Kayako.Harness.Configuration;

/// <summary>One step of a site: navigate, click, fill or expect. Exactly one action per step.</summary>
/// <param name="Index">The position in the site's <c>steps</c>, from 0.</param>
/// <param name="JsonPath">Where the step came from (<c>$.sites[0].steps[3]</c>).</param>
/// <param name="IsLogout">Whether the step signs the user out (<c>"logout": true</c>).</param>
public abstract record SiteStep(int Index, string JsonPath, bool IsLogout)
{
    /// <summary>How the step reads in messages: <c>step 3 (click "#logout")</c>.</summary>
    public string Describe() => $"step {Index} ({DescribeAction()})";

    /// <summary>The action alone, as the configuration spells it.</summary>
    protected abstract string DescribeAction();

    /// <summary>The action alone (<c>click "#logout"</c>), as <see cref="Describe"/> words it and the JSON report records it.</summary>
    internal string Action => DescribeAction();
}
