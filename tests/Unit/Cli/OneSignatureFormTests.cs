using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Rules;
using Kayako.Harness.Signing.Contract;
using Kayako.Harness.Tests.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// A malformed signature reads the same wherever it is judged: <c>verify</c>, the check's
/// <c>identify-signature-malformed</c> rule, <c>diagnose</c> (with and without the token) and a vectors file.
/// </summary>
public sealed class OneSignatureFormTests
{
    private const string Requirement = "; Kayako accepts only 64 lowercase hex digits, hex(HMAC-SHA256), with nothing around them";

    private static readonly SignatureVector Vector = StoredVectors.Get("ascii-basic");

    private static IEnumerable<TestCaseData> Malformed()
    {
        var signature = Vector.Signature;
        yield return Case("JSON-encoded twice", $"\"{signature}\"", "66 characters, neither hex nor base64: it contains '\"'", diagnosedToo: true);
        yield return Case("cut short", signature[..62], "62 hex digits, not 64", diagnosedToo: false);
        yield return Case("upper-case", signature.ToUpperInvariant(), "64 hex digits in upper case", diagnosedToo: false);
        yield return Case("HMAC-SHA1 length", signature[..40], "40 hex digits, not 64 (a 20-byte digest, as SHA-1 and HMAC-SHA1 give)", diagnosedToo: false);

        static TestCaseData Case(string name, string signature, string description, bool diagnosedToo) =>
            new TestCaseData(signature, $"the signature is malformed: {description}{Requirement}", diagnosedToo)
                .SetName($"Verify_the_rule_diagnose_and_the_vector_file_word_a_malformed_signature_alike({name})");
    }

    [TestCaseSource(nameof(Malformed))]
    public async Task Verify_the_rule_diagnose_and_the_vector_file_word_a_malformed_signature_alike(string signature, string expected, bool diagnosedToo)
    {
        var input = Vector.Input;
        using var token = new TokenVariable(input.Token);
        var timestamp = input.Timestamp.ToString(CultureInfo.InvariantCulture);

        var verify = await CliRun.RunAsync("verify", "--name", input.Name, "--email", input.Email, "--timestamp", timestamp,
            "--token-env", token.Name, "--signature", signature);
        var rule = RuleCatalog.Evaluate(new HandMadeCallLog().Loads()
            .Identify(JsonSerializer.Serialize(new object[] { input.Name, input.Email, signature, input.Timestamp })).Context(input.Token));
        var vectorFile = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse(
            JsonSerializer.Serialize(new { vectors = new[] { new { id = "v", description = "d", name = input.Name, email = input.Email, token = input.Token, timestamp = input.Timestamp, signature } } }),
            "'test.json'"));

        verify.Output.ShouldContain("invalid: " + expected);
        rule.Single(f => f.Rule == RuleIds.IdentifySignatureMalformed).Message.ShouldContain(": " + expected);
        vectorFile.Message.ShouldContain("\"signature\": " + expected);
        if (diagnosedToo)
        {
            // Nothing explains this form, with the token or without: diagnose says what it is, in the same words.
            foreach (var report in new[] { new { name = input.Name, email = input.Email, token = (string?)input.Token, timestamp = input.Timestamp, signature }, new { name = input.Name, email = input.Email, token = (string?)null, timestamp = input.Timestamp, signature } })
            {
                using var file = DiagnoseCli.Write(JsonSerializer.Serialize(report));
                var diagnose = await DiagnoseCli.RunAsync(file.Path, "--json");
                JsonDocument.Parse(diagnose.Output).RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString())
                    .ShouldContain("T" + expected[1..] + ".");
            }
        }
    }
}
