namespace Kayako.Harness.Configuration;

/// <summary>Types a value into the input a selector matches.</summary>
/// <param name="Index">The position in the site's steps.</param>
/// <param name="JsonPath">Where the step came from.</param>
/// <param name="IsLogout">Whether the step signs the user out.</param>
/// <param name="Selector">A Playwright selector for an input, textarea or contenteditable element.</param>
/// <param name="Value">
/// The text to fill in. With <see cref="ValueEnv"/>, empty until the run starts and reads the variable.
/// </param>
public sealed record FillStep(int Index, string JsonPath, bool IsLogout, string Selector, string Value) : SiteStep(Index, JsonPath, IsLogout)
{
    /// <inheritdoc />
    protected override string DescribeAction() => $"fill \"{Selector}\"";

    /// <summary>
    /// The NAME of the environment variable the value is read from when the run starts (<c>valueEnv</c>, for a
    /// password), or <see langword="null"/> when the configuration gives the value itself. Such a value is a secret:
    /// it is redacted wherever the token is.
    /// </summary>
    public string? ValueEnv { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(FillStep)} {{ {Describe()}, {(ValueEnv is null ? $"Value = {Value}" : $"Value from ${ValueEnv} (not shown)")}, JsonPath = {JsonPath} }}";
}
