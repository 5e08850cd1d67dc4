
namespace Kayako.Harness.Tests.Configuration;

/// <summary>The configuration cases under fixtures/sites/configs/.</summary>
internal static class ConfigurationFixtures
{
    public static string Root { get; } = RepositoryFixtures.PathOf("sites/configs");

    public static IEnumerable<TestCaseData> Invalid() =>
        Directory.EnumerateFiles(Path.Combine(Root, "invalid"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => new TestCaseData(file).SetName("Invalid_config_" + Path.GetFileNameWithoutExtension(file)));

    /// <summary>The paths a case expects, from its first line: <c>// expect: $.a | $.b</c>.</summary>
    public static IReadOnlyList<string> ExpectedPaths(string file)
    {
        const string marker = "// expect:";
        var first = File.ReadLines(file).First();
        return first.StartsWith(marker, StringComparison.Ordinal)
            ? [.. first[marker.Length..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : throw new InvalidDataException($"{file} must start with '{marker} <paths>'.");
    }
}
