using System.CommandLine;
using System.Globalization;
using Kayako.Harness.Signing.Contract;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>contract</c>: signs the vectors (bundled, or <c>--vectors F</c>) and optionally N random inputs with C#,
/// Kayako's PHP example and Kayako's Node example, and prints a table of agreement.
/// Exit 0 all agree; 1 a disagreement; 2 bad input; 3 PHP or Node missing.
/// </summary>
internal static class ContractCommand
{
    public const int Disagreement = 1;
    public const int SignerMissing = 3;
    private const int DisagreementsShown = 5;

    /// <summary>The largest vectors file read: a thousand times the bundled one, far less than a wrong path can hold.</summary>
    private const int MaxVectorsBytes = 64 * 1024 * 1024;

    public static Command Create()
    {
        var vectors = new Option<string>("--vectors") { HelpName = "FILE", Description = "A vectors file (default: the bundled fixtures/signatures/vectors.json)." };
        var random = new Option<string>("--random") { HelpName = "N", Description = "Also sign N random inputs (arbitrary Unicode, timestamps within ±(2^53-1))." };
        var seed = new Option<string>("--seed") { HelpName = "SEED", Description = "The seed of the random inputs, to reproduce a run (default: a new seed, printed)." };
        var php = new Option<string>("--php") { HelpName = "PATH", Description = "The PHP interpreter (default: php on PATH)." };
        var node = new Option<string>("--node") { HelpName = "PATH", Description = "The Node interpreter (default: node on PATH)." };
        var command = new Command("contract", "Checks that C#, Kayako's PHP example and Kayako's Node example sign every vector and random input identically.");
        command.Options.Add(vectors);
        command.Options.Add(random);
        command.Options.Add(seed);
        command.Options.Add(php);
        command.Options.Add(node);

        command.SetAction((parseResult, cancellationToken) => CommandAction.RunAsync(parseResult, "contract", async () =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var count = ParseCount(parseResult.GetValue(random));
            var seedText = parseResult.GetValue(seed);
            if (seedText is not null && count == 0)
            {
                throw new BadInputException("--seed only applies to random inputs; add --random N.");
            }

            var seedValue = seedText is null ? Random.Shared.Next() : ParseSeed(seedText);
            var (vectorList, vectorSource) = LoadVectors(parseResult.GetValue(vectors));
            var cases = vectorList.Select(ContractCase.From).ToList();
            var randomInputs = RandomSignatureInputs.Generate(count, seedValue);
            cases.AddRange(randomInputs.Select((input, i) =>
                new ContractCase(string.Create(CultureInfo.InvariantCulture, $"random #{i + 1} (seed {seedValue})"), input, null, IncludePhp: true)));

            var options = new ContractOptions { PhpExecutable = parseResult.GetValue(php), NodeExecutable = parseResult.GetValue(node) };
            IReadOnlyList<ContractCaseResult> results;
            try
            {
                results = await SignatureContract.RunAsync(cases, options, cancellationToken);
            }
            catch (ReferenceSignerNotFoundException error)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"kayako-harness contract: {error.Message}");
                return SignerMissing;
            }
            catch (ReferenceSignerFailedException error)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"kayako-harness contract: {error.Message}");
                return Disagreement;
            }

            var inputs = $"{vectorList.Count} vectors from {vectorSource}" +
                         (count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {count} random inputs (seed {seedValue})") : "");
            await output.WriteAsync(ContractTable.Format(results, inputs, DisagreementsShown));
            return results.All(result => result.Agrees) ? 0 : Disagreement;
        }));
        return command;
    }

    private static (IReadOnlyList<SignatureVector> Vectors, string Source) LoadVectors(string? path)
    {
        try
        {
            return path switch
            {
                null => (SignatureVectorFile.LoadBundled(), SignatureVectorFile.BundledSource),
                "" => throw new BadInputException("--vectors is empty; give a vectors file, or leave it out to use the bundled vectors."),
                _ => (SignatureVectorFile.Parse(InputFile.ReadText(path, $"the vectors file '{path}' (from --vectors)", MaxVectorsBytes,
                    "split the vectors into smaller files."), $"'{path}'"), $"'{path}'"),
            };
        }
        catch (SignatureVectorFileException error)
        {
            throw new BadInputException(error.Message, error);
        }
    }

    private static int ParseCount(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 10_000_000)
        {
            return count;
        }

        throw new BadInputException($"--random \"{text}\" is not a count of inputs; give a whole number from 1 to 10000000, e.g. --random 10000.");
    }

    private static int ParseSeed(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new BadInputException($"--seed \"{text}\" is not a 32-bit integer; use the seed a previous run printed, e.g. --seed 12345.");
}
