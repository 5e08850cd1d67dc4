namespace Kayako.Harness.Configuration;

/// <summary>One thing wrong with a configuration, and where.</summary>
/// <param name="Path">The JSON path of the bad value (<c>$.sites[1].steps[3].expect.visibility</c>).</param>
/// <param name="Message">What is wrong, the value, and what is allowed.</param>
public sealed record ConfigurationProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
