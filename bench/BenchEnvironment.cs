using System.Reflection;

namespace Kayako.Harness.Bench;

/// <summary>Where things are: the repository, the built CLI, the raw peer, Chromium, PHP and Node.</summary>
internal sealed record BenchEnvironment(string RepositoryRoot, string Launcher, string RawPeerFolder, string Chromium)
{
    public static BenchEnvironment Discover()
    {
        var root = typeof(BenchEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value
            ?? throw new InvalidOperationException("The bench assembly lacks its RepositoryRoot metadata; rebuild it.");
        return new BenchEnvironment(
            root,
            Path.Combine(root, "kayako-harness"),
            Path.Combine(root, "bench", "raw"),
            Hosting.ChromiumLocator.Locate());
    }
}
