using Kayako.Harness.Signing;
using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Contract.Tests;

/// <summary>Inputs far larger than any real name still sign identically in C#, PHP and Node.</summary>
public sealed class LargeInputContractTests
{
    [Test]
    public async Task A_one_megabyte_name_signs_identically()
    {
        var input = new SignatureInput(string.Concat(Enumerable.Repeat("Ann Smith é 😀 ", (1024 * 1024 / 18) + 1)), "ann@example.com", "k", 1_700_000_000);

        var results = await SignatureContract.RunAsync([new ContractCase("one-megabyte-name", input, null, IncludePhp: true)], new ContractOptions(), CancellationToken.None);

        var result = results.Single();
        System.Text.Encoding.UTF8.GetByteCount(input.Name).ShouldBeGreaterThanOrEqualTo(1024 * 1024);
        result.Php.ShouldBe(result.Node);
        result.CSharp.ShouldBe(result.Node);
    }
}
