using System.Reflection;

namespace Kayako.Harness.Tests;

/// <summary>Finds files of the repository: under its <c>fixtures/</c> folder, and its own (the launcher, the README).</summary>
internal static class RepositoryFixtures
{
    private static readonly string Root = typeof(RepositoryFixtures).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string PathOf(string relativePath) => Path.Combine(Root, "fixtures", relativePath);

    /// <summary>A file or folder of the repository itself, e.g. <c>kayako-harness</c> or <c>README.md</c>.</summary>
    public static string RepositoryPathOf(string relativePath) => Path.Combine(Root, relativePath);
}
