using System.CommandLine;
using System.Globalization;
using Kayako.Harness.Signing.Contract;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>contract</c>: signs the vectors (bundled, or <c>--vectors F</c>) and optionally N random inputs with C#,
/// Kayako's PHP example and Kayako's Node example, and prints a table of agreement.
/// Exit 0 all agree; 1 a disagreement (or a signer that failed); 2 bad input; 3 PHP or Node missing.
/// </summary>
internal static class ContractCommand
{
    /// <summary>The most random inputs one run signs.</summary>
    public const int MaxRandomInputs = 10_000_000;

    private const int DisagreementsShown = 5;

    /// <summary>The largest vectors file read: a thousand times the bundled one, far less than a wrong path can hold.</summary>
    private const int MaxVectorsBytes = 64 * 1024 * 1024;

    public static Command Create()
    {
        var vectors = new ValueOption<FileInfo?>("--vectors", "FILE", "A vectors file (default: the bundled fixtures/signatures/vectors.json).",
            OptionValues.File(), "a file", "give a vectors file, or leave it out to use the bundled vectors");
        var random = new ValueOption<int?>("--random", "N", "Also sign N random inputs (arbitrary Unicode, timestamps within ±(2^53-1)).",
            OptionValues.Int32(1, MaxRandomInputs), "a count of inputs",
            string.Create(CultureInfo.InvariantCulture, $"give a whole number from 1 to {MaxRandomInputs}, e.g. --random 10000"));
        var seed = new ValueOption<int?>("--seed", "SEED", "The seed of the random inputs, to reproduce a run (default: a new seed, printed).",
            OptionValues.Int32(int.MinValue, int.MaxValue), "a 32-bit integer", "use the seed a previous run printed, e.g. --seed 12345");
        var php = new Option<string>("--php") { HelpName = "PATH", Description = "The PHP interpreter (default: php on PATH)." };
        var node = new Option<string>("--node") { HelpName = "PATH", Description = "The Node interpreter (default: node on PATH)." };
        var command = new Command("contract", "Checks that C#, Kayako's PHP example and Kayako's Node example sign every vector and random input identically.");
        command.Options.Add(vectors);
        command.Options.Add(random);
        command.Options.Add(seed);
        command.Options.Add(php);
        command.Options.Add(node);

        CommandAction.Set(command, async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var count = parseResult.GetValue(random) ?? 0;
            var seedValue = parseResult.GetValue(seed);
            if (seedValue is not null && count == 0)
            {
                throw new BadInputException("--seed only applies to random inputs; add --random N.");
            }

            seedValue ??= Random.Shared.Next();
            var (vectorList, vectorSource) = LoadVectors(parseResult.GetValue(vectors)?.ToString());
            var cases = vectorList.Select(ContractCase.From).ToList();
            var randomInputs = RandomSignatureInputs.Generate(count, seedValue.Value);
            cases.AddRange(randomInputs.Select((input, i) =>
                new ContractCase(string.Create(CultureInfo.InvariantCulture, $"random #{i + 1} (seed {seedValue})"), input, null, IncludePhp: true)));

            // A missing PHP or Node (exit 3) and a signer that fails on the batch (exit 1) are the handler's to report.
            var options = new ContractOptions { PhpExecutable = parseResult.GetValue(php), NodeExecutable = parseResult.GetValue(node) };
            var results = await SignatureContract.RunAsync(cases, options, cancellationToken);
            var inputs = $"{vectorList.Count} vectors from {vectorSource}" +
                         (count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {count} random inputs (seed {seedValue})") : "");
            await output.WriteAsync(ContractTable.Format(results, inputs, DisagreementsShown));
            return results.All(result => result.Agrees) ? ExitCode.Ok : ExitCode.Findings;
        });
        return command;
    }

    /// <exception cref="SignatureVectorFileException">The file is malformed (exit 2).</exception>
    /// <exception cref="BadInputException">The file cannot be read.</exception>
    private static (IReadOnlyList<SignatureVector> Vectors, string Source) LoadVectors(string? path) => path is null
        ? (SignatureVectorFile.LoadBundled(), SignatureVectorFile.BundledSource)
        : (SignatureVectorFile.Parse(InputFile.ReadText(path, $"the vectors file '{path}' (from --vectors)", MaxVectorsBytes,
            "split the vectors into smaller files."), $"'{path}'"), $"'{path}'");
}
