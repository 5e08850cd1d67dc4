using System.Globalization;
using System.Text;
using CsCheck;
using Kayako.Harness.Signing;
using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Contract.Tests;

/// <summary>
/// A property of the signature: for any input, C#, Kayako's PHP example and Kayako's Node example give the same
/// signature. Each run generates a batch of 10,000 random inputs with CsCheck and signs it with one PHP and one
/// Node process (a process per input would take minutes).
/// </summary>
/// <remarks>
/// <para>
/// Strings are arbitrary Unicode scalar values: ASCII, C0 controls and DEL, the rest of the BMP, astral
/// characters; empty, short and long (up to 5,000 scalars). They never hold an unpaired surrogate: a PHP string
/// cannot, so there would be no third implementation to compare with. The Node-only vectors cover that case.
/// </para>
/// <para>
/// Timestamps span ±(2^53 − 1): a page passes the timestamp to <c>identify</c> as a JavaScript Number and a Node
/// backend holds it as one, and beyond 2^53 a Number no longer holds every integer (2^53 + 1 reads as 2^53), so
/// Node would sign a different number than the one written. The Node signer rejects such input rather than
/// signing a rounded value.
/// </para>
/// <para>
/// To reproduce a failure, set KAYAKO_CONTRACT_SEED to the seed the failure message prints.
/// </para>
/// </remarks>
public sealed class RandomInputContractTests
{
    private const int BatchSize = 10_000;
    private const long MaxSafeInteger = 9_007_199_254_740_991;

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (8, Gen.Int[0x20, 0x7E]),
        (2, Gen.Int[0x00, 0x1F]),
        (1, Gen.Const(0x7F)),
        (3, Gen.Int[0x80, 0xD7FF]),
        (2, Gen.Int[0xE000, 0xFFFF]),
        (4, Gen.Int[0x10000, 0x10FFFF]))
        .Select(codePoint => char.ConvertFromUtf32(codePoint));

    private static readonly Gen<string> Text = Gen.Frequency(
            (1, Gen.Const(0)),
            (14, Gen.Int[1, 24]),
            (4, Gen.Int[25, 256]),
            (1, Gen.Int[257, 5000]))
        .SelectMany(length => Scalar.Array[length])
        .Select(scalars => string.Concat(scalars));

    private static readonly Gen<long> Timestamp = Gen.Frequency(
        (1, Gen.OneOf<long>(0L, 1L, -1L, int.MaxValue, int.MaxValue + 1L, 1_700_000_000_123L, MaxSafeInteger, -MaxSafeInteger)),
        (4, Gen.Long[0, 1L << 32]),
        (5, Gen.Long[-MaxSafeInteger, MaxSafeInteger]));

    private static readonly Gen<SignatureInput> Input =
        Gen.Select(Text, Text, Text.Where(token => token.Length > 0), Timestamp, (name, email, token, timestamp) => new SignatureInput(name, email, token, timestamp));

    [Test]
    public async Task CSharp_PHP_and_Node_sign_random_inputs_identically()
    {
        var seed = Environment.GetEnvironmentVariable("KAYAKO_CONTRACT_SEED") is { Length: > 0 } given
            ? PCG.Parse(given)
            : new PCG(PCG.ThreadPCG.Next(), PCG.ThreadPCG.Next64());
        var seedText = seed.ToString();
        var batch = Input.Array[BatchSize].Generate(seed, null!, out _);
        var cases = batch.Select((input, i) => new ContractCase(string.Create(CultureInfo.InvariantCulture, $"#{i} of seed {seedText}"), input, null, IncludePhp: true)).ToList();

        var results = await SignatureContract.RunAsync(cases, new ContractOptions(), CancellationToken.None);

        var failures = results.Where(result => !(result.CSharp == result.Php && result.Php == result.Node)).ToList();
        failures.Count.ShouldBe(0, FailureReport(seedText, failures));
        BatchCoversTheEdges(batch);
    }

    private static string FailureReport(string seed, IReadOnlyList<ContractCaseResult> failures)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{failures.Count} of {BatchSize} random inputs signed differently. Reproduce with KAYAKO_CONTRACT_SEED={seed}");
        foreach (var failure in failures.Take(3))
        {
            report.AppendLine(failure.Describe());
        }

        return report.ToString();
    }

    // The generator is part of the test: a batch without these would pass without checking them.
    private static void BatchCoversTheEdges(SignatureInput[] batch)
    {
        var strings = batch.SelectMany(input => new[] { input.Name, input.Email, input.Token }).ToList();
        strings.ShouldContain(text => text.Length == 0, "an empty string");
        strings.ShouldContain(text => text.Length > 1000, "a long string");
        strings.ShouldContain(text => text.Any(char.IsSurrogate), "an astral character");
        strings.ShouldContain(text => text.Any(character => character < ' '), "a control character");
        batch.ShouldContain(input => input.Timestamp < 0, "a negative timestamp");
        batch.ShouldContain(input => input.Timestamp > (1L << 40), "a timestamp beyond 2^40");
        batch.Select(input => input.Timestamp).ShouldContain(MaxSafeInteger);
    }
}
