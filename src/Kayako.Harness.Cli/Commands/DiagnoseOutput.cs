using System.Text.Encodings.Web;
using System.Text.Json;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Cli.Commands;

/// <summary>Writes one verdict for people (text) or as one JSON line; never the token.</summary>
internal static class DiagnoseOutput
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IEnumerable<string> Text(int line, SignatureReport report, SignatureVerdict verdict, bool reproduce)
    {
        yield return verdict.Valid
            ? $"line {line}: VALID: the signature is exactly what Kayako computes"
            : $"line {line}: INVALID: cause {verdict.Cause}";
        foreach (var detail in verdict.Details)
        {
            yield return $"  what happened:    {detail}";
        }

        if (!verdict.Valid && verdict.SenderMessage is not null)
        {
            yield return $"  sender signed:    {verdict.SenderMessage}";
            yield return $"  sender computed:  {verdict.SenderComputation}";
        }

        yield return $"  sent signature:   {verdict.Observed}";
        yield return $"  Kayako signs:     {verdict.Message}";
        yield return $"  expected:         {verdict.Expected ?? "(needs the token)"}";
        if (!verdict.Valid)
        {
            yield return $"  fix (PHP):        {verdict.FixPhp}";
            yield return $"  fix (Node):       {verdict.FixNode}";
        }

        foreach (var note in verdict.Notes)
        {
            yield return $"  note: {note}";
        }

        if (reproduce)
        {
            foreach (var reproduction in Reproduction(report, verdict))
            {
                yield return reproduction;
            }
        }
    }

    public static string JsonLine(int line, SignatureReport report, SignatureVerdict verdict, bool reproduce)
    {
        var expected = report.Token is null ? null : SignatureReproduction.Expected(report);
        var observed = SignatureReproduction.Observed(report, verdict);
        var value = new Dictionary<string, object?>
        {
            ["line"] = line,
            ["valid"] = verdict.Valid,
            ["cause"] = verdict.Cause,
            ["causes"] = verdict.Causes,
            ["details"] = verdict.Details,
            ["expected"] = verdict.Expected,
            ["observed"] = verdict.Observed,
            ["message"] = verdict.Message,
            ["senderMessage"] = verdict.SenderMessage,
            ["senderComputation"] = verdict.SenderComputation,
            ["fix"] = new Dictionary<string, string> { ["php"] = verdict.FixPhp, ["node"] = verdict.FixNode },
            ["notes"] = verdict.Notes,
        };
        if (reproduce)
        {
            value["reproduce"] = new Dictionary<string, object?> { ["expected"] = expected, ["observed"] = observed };
        }

        return JsonSerializer.Serialize(value, Json);
    }

    private static IEnumerable<string> Reproduction(SignatureReport report, SignatureVerdict verdict)
    {
        yield return $"  # reproduce: export {SignatureReproduction.TokenVariable} first (the token never goes on a command line), then run:";
        if (report.Token is null)
        {
            yield return "  # (no token in the report: the expected signature cannot be checked against it)";
        }

        var expected = SignatureReproduction.Expected(report);
        yield return "  # expected signature (what Kayako computes), PHP then Node:";
        yield return expected.Php;
        yield return expected.Node;
        if (SignatureReproduction.Observed(report, verdict) is { } observed)
        {
            yield return $"  # observed signature (what the sender computed: {verdict.Cause}), PHP then Node:";
            yield return observed.Php;
            yield return observed.Node;
        }
        else
        {
            yield return "  # observed signature: no explanation matched, so there is nothing to reproduce it with";
        }
    }
}
