using System.Globalization;
using System.Text;
using Kayako.Harness.Signing.Contract;

namespace Kayako.Harness.Cli.Commands;

/// <summary>The report of <c>contract</c>: a table of agreement per implementation, then the first disagreements.</summary>
internal static class ContractTable
{
    private static readonly (ContractImplementation Implementation, string Name)[] Rows =
        [(ContractImplementation.CSharp, "C#"), (ContractImplementation.Php, "PHP"), (ContractImplementation.Node, "Node")];

    public static string Format(IReadOnlyList<ContractCaseResult> results, string inputs, int disagreementsShown)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Signature contract over {results.Count} cases: {inputs}.");
        text.AppendLine("Each implementation is compared with the stored signature (vectors) or the signature the others agree on (random inputs).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"implementation",-16}{"cases",10}{"agreeing",10}{"disagreeing",13}{"skipped",9}");
        foreach (var (implementation, name) in Rows)
        {
            var outcomes = results.Select(result => result.Outcome(implementation)).ToList();
            var agreeing = outcomes.Count(outcome => outcome == true);
            var disagreeing = outcomes.Count(outcome => outcome == false);
            var skipped = outcomes.Count(outcome => outcome is null);
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-16}{results.Count,10}{agreeing,10}{disagreeing,13}{skipped,9}");
        }

        var phpSkipped = results.Count(result => result.Php is null);
        if (phpSkipped > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"PHP skipped {phpSkipped} Node-only vector(s): they hold unpaired UTF-16 surrogates, which PHP strings cannot; C# and Node sign them as U+FFFD.");
        }

        text.AppendLine();
        var disagreements = results.Where(result => !result.Agrees).ToList();
        if (disagreements.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"All implementations agree on all {results.Count} cases.");
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{disagreements.Count} case(s) disagree; the first {Math.Min(disagreements.Count, disagreementsShown)}:");
        foreach (var disagreement in disagreements.Take(disagreementsShown))
        {
            text.AppendLine(disagreement.Describe());
        }

        return text.ToString();
    }
}
