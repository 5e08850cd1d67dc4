using System.Reflection;
using Kayako.Harness.Signing.Contract;

namespace Kayako.Harness.Contract.Tests;

/// <summary>fixtures/signatures/vectors.json, whose signatures Kayako's PHP and Node examples computed.</summary>
internal static class StoredVectors
{
    public static string Path { get; } = System.IO.Path.Combine(
        typeof(StoredVectors).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "RepositoryRoot").Value!,
        "fixtures", "signatures", "vectors.json");

    public static IReadOnlyList<SignatureVector> All { get; } = SignatureVectorFile.Load(Path);
}
