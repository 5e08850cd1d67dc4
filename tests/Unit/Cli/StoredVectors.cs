using Kayako.Harness.Signing.Contract;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// fixtures/signatures/vectors.json: inputs with the signatures Kayako's PHP and Node examples computed, the only
/// source of expected signatures in these tests.
/// </summary>
internal static class StoredVectors
{
    public static string Path { get; } = RepositoryFixtures.PathOf("signatures/vectors.json");

    public static IReadOnlyList<SignatureVector> All { get; } = SignatureVectorFile.Load(Path);

    public static SignatureVector Get(string id) => All.Single(vector => vector.Id == id);
}
