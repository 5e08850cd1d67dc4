using System.Reflection;

namespace Kayako.Harness.Tests;

/// <summary>Finds files under the repository's <c>fixtures/</c> folder.</summary>
internal static class RepositoryFixtures
{
    private static readonly string Root = typeof(RepositoryFixtures).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string PathOf(string relativePath) => Path.Combine(Root, "fixtures", relativePath);

    /// <summary>A path relative to the repository root.</summary>
    public static string InRepository(string relativePath) => Path.Combine(Root, relativePath);
}
