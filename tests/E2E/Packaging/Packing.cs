using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;

namespace Kayako.Harness.E2E.Tests.Packaging;

/// <summary>
/// Packs the repository's projects as built (<c>--no-build</c>: the test project was built in the same configuration
/// with everything it references, and building them again beside the running suite would race it), under a version
/// no earlier run used.
/// </summary>
internal static class Packing
{
    public static readonly string[] Libraries = ["Kayako.Harness.Signing", "Kayako.Harness", "Kayako.Harness.NUnit"];

    public const string Tool = "Kayako.Harness.Cli";

    // Each command's bound; a cold restore from nuget.org on a slow line stays well inside it.
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(RepositoryFixtures.PathOf(""), ".."));

    private static readonly string Configuration =
        typeof(Packing).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>A version NuGet cannot have seen: a package it kept from another run never stands in for this one.</summary>
    public static string NewVersion() => $"1.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmssfff}.p{Environment.ProcessId}";

    /// <summary>Packs the three libraries in one MSBuild run, side by side: a third of three <c>dotnet pack</c> commands' time.</summary>
    public static async Task<DotnetRun> PackLibrariesAsync(string work, string feed, string version)
    {
        var projects = string.Join(';', Libraries.Select(ProjectPath));
        var traversal = Path.Combine(work, "pack-libraries.proj");
        await File.WriteAllTextAsync(traversal, $"""
            <Project>
              <Target Name="PackLibraries">
                <MSBuild Projects="{projects}" Targets="Pack" BuildInParallel="true"
                         Properties="Configuration={Configuration};NoBuild=true;PackageOutputPath={feed}/;PackageVersion={version}" />
              </Target>
            </Project>
            """);
        return await DotnetProcess.RunAsync(work, new Dictionary<string, string>(), CommandTimeout, "msbuild", traversal, "-t:PackLibraries", "-m", "-nologo");
    }

    /// <summary>Packs the tool.</summary>
    public static Task<DotnetRun> PackToolAsync(string work, string feed, string version) =>
        DotnetProcess.RunAsync(work, new Dictionary<string, string>(), CommandTimeout,
            "pack", ProjectPath(Tool), "-c", Configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}", "-nologo");

    public static ZipArchive Open(string feed, string id, string version) => ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));

    public static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string ProjectPath(string id) => Path.Combine(RepositoryRoot, "src", id, id + ".csproj");
}
