using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Contract.Tests;

/// <summary>
/// Every stored vector through C#, Kayako's PHP example and Kayako's Node example: all equal to each other and to
/// the stored signature. One PHP and one Node process sign the whole file.
/// </summary>
public sealed class VectorContractTests
{
    private Dictionary<string, ContractCaseResult> _results = [];

    private static IEnumerable<TestCaseData> Vectors() =>
        StoredVectors.All.Select(vector => new TestCaseData(vector.Id).SetName($"Every_implementation_gives_the_stored_signature({vector.Id})"));

    [OneTimeSetUp]
    public async Task SignEveryVectorOnceAsync()
    {
        var results = await SignatureContract.RunAsync(StoredVectors.All.Select(ContractCase.From).ToList(), new ContractOptions(), CancellationToken.None);
        _results = results.ToDictionary(result => result.Case.Label);
    }

    [TestCaseSource(nameof(Vectors))]
    public void Every_implementation_gives_the_stored_signature(string id)
    {
        var result = _results[id];
        var stored = result.Case.Expected;

        result.CSharp.ShouldBe(stored, result.Describe());
        result.Node.ShouldBe(stored, result.Describe());
        if (result.Case.IncludePhp)
        {
            result.Php.ShouldBe(stored, result.Describe());
        }
        else
        {
            result.Php.ShouldBeNull("PHP cannot hold unpaired surrogates, so Node-only vectors are not sent to it");
        }
    }

    [Test]
    public async Task Php_cannot_hold_the_node_only_vectors()
    {
        var nodeOnly = StoredVectors.All.Where(vector => vector.NodeOnly).ToList();
        nodeOnly.ShouldNotBeEmpty();

        foreach (var vector in nodeOnly)
        {
            var error = await Should.ThrowAsync<ReferenceSignerFailedException>(
                () => ReferenceSignerProcess.SignAsync(ReferenceSigner.Php, null, [vector.Input], CancellationToken.None));

            error.Message.ShouldContain("sign.php: line 1: not valid JSON", customMessage: vector.Id);
        }
    }
}
