using System.Text;
using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// The four signature fields are read by one set of rules: the same bad object gets the same sentence from
/// <c>sign --jsonl</c>, from <c>diagnose</c> and from a vectors file, and none of them prints the token.
/// </summary>
public sealed class OneSignatureJsonReaderTests
{
    private const string Secret = "SECRET-token-0b7e";
    private const string Good = $"\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1700000000";
    private const string Example = "e.g. \"timestamp\": 1700000000.";

    private static IEnumerable<TestCaseData> BadFields()
    {
        yield return Case("a repeated field", "\"name\":\"Bob\"," + Good, "\"name\" appears twice; give each field once.");
        yield return Case("a missing field", Good.Replace("\"email\":\"a@x\",", "", StringComparison.Ordinal),
            "\"email\" is missing; add the email passed to identify as a JSON string (\"\" when empty).");
        yield return Case("a null name", Good.Replace("\"Ann\"", "null", StringComparison.Ordinal), "\"name\" is null; it must be a JSON string.");
        yield return Case("a number token", Good.Replace($"\"{Secret}\"", "12345", StringComparison.Ordinal), "\"token\" is a number; it must be a JSON string.");
        yield return Case("an empty token", Good.Replace(Secret, "", StringComparison.Ordinal),
            "\"token\" is empty; the messenger token (the identity-verification secret from Kayako's messenger settings) is never empty, so this one was not filled in");
        yield return Case("a fractional timestamp", Good.Replace("1700000000", "1700000000.5", StringComparison.Ordinal),
            $"\"timestamp\" is 1700000000.5, not an integer; identify takes whole Unix seconds (time() in PHP, Math.floor(Date.now() / 1000) in JavaScript): write plain digits, {Example}");
        yield return Case("a timestamp beyond 64 bits", Good.Replace("1700000000", "99999999999999999999", StringComparison.Ordinal),
            $"\"timestamp\" is 99999999999999999999, too large for 64 bits; write Unix seconds as plain digits, {Example}");
        yield return Case("a timestamp in words", Good.Replace("1700000000", "\"soon\"", StringComparison.Ordinal),
            $"\"timestamp\" is a string (\"soon\"); write it as a JSON integer of Unix seconds, without quotes, {Example}");
        yield return Case("the token where the timestamp goes", Good.Replace("1700000000", $"\"{Secret}\"", StringComparison.Ordinal),
            $"\"timestamp\" is a string (\"[token]\"); write it as a JSON integer of Unix seconds, without quotes, {Example}");
        yield return Case("a boolean timestamp", Good.Replace("1700000000", "true", StringComparison.Ordinal),
            $"\"timestamp\" is a boolean; write it as a JSON integer of Unix seconds, {Example}");

        static TestCaseData Case(string name, string fields, string expected) =>
            new TestCaseData(fields, expected).SetName($"Sign_diagnose_and_a_vector_file_give_the_same_sentence({name})");
    }

    [TestCaseSource(nameof(BadFields))]
    public async Task Sign_diagnose_and_a_vector_file_give_the_same_sentence(string fields, string expected)
    {
        using var line = DiagnoseCli.Write("{" + fields + "}\n");
        using var report = DiagnoseCli.Write("{" + fields + ",\"signature\":\"ab\"}\n");

        var sign = await CliRun.RunAsync("sign", "--jsonl", line.Path);
        var diagnose = await DiagnoseCli.RunAsync(report.Path);
        var vectors = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse(
            $$"""{ "vectors": [ { "id": "v", "description": "d", {{fields}}, "signature": "{{new string('a', 64)}}" } ] }""", "'test.json'"));

        sign.Error.ShouldContain($"'{line.Path}' line 1: {expected}");
        diagnose.Error.ShouldContain($"line 1: {expected}");
        vectors.Message.ShouldContain($"vectors[0] (id \"v\"): {expected}");
        (sign.ExitCode, diagnose.ExitCode).ShouldBe((2, 2));
        (sign.All + diagnose.All + vectors.Message).ShouldNotContain(Secret);
    }

    [Test]
    public async Task A_timestamp_of_digits_in_quotes_is_refused_by_sign_and_the_vector_files_and_noted_by_diagnose()
    {
        var fields = Good.Replace("1700000000", "\"1700000000\"", StringComparison.Ordinal);
        const string expected = $"\"timestamp\" is a string (\"1700000000\"); write it as a JSON integer of Unix seconds, without quotes, {Example}";
        using var line = DiagnoseCli.Write("{" + fields + "}\n");
        using var report = DiagnoseCli.Write("{" + fields + ",\"signature\":\"ab\"}\n");

        var sign = await CliRun.RunAsync("sign", "--jsonl", line.Path);
        var diagnose = await DiagnoseCli.RunAsync(report.Path);
        var vectors = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse(
            $$"""{ "vectors": [ { "id": "v", "description": "d", {{fields}}, "signature": "{{new string('a', 64)}}" } ] }""", "'test.json'"));

        sign.Error.ShouldContain(expected);
        vectors.Message.ShouldContain(expected);
        diagnose.ExitCode.ShouldBe(1, diagnose.Error);
        diagnose.Output.ShouldContain("note: The timestamp was the string \"1700000000\"; identify should get a number.");
    }

    [Test]
    public async Task Every_problem_of_a_line_is_named_at_once()
    {
        using var line = DiagnoseCli.Write("{\"name\":1,\"email\":\"a@x\",\"token\":\"" + Secret + "\",\"tokn\":2}\n");

        var sign = await CliRun.RunAsync("sign", "--jsonl", line.Path);

        sign.Error.ShouldContain("\"name\" is a number; it must be a JSON string. unknown field \"tokn\"; a signature input has exactly \"name\", \"email\", \"token\" and \"timestamp\". \"timestamp\" is missing;");
        sign.Error.TrimEnd().ShouldNotContain('\n');
    }

    [Test]
    public async Task Diagnose_reads_an_escaped_unpaired_surrogate_as_sign_and_the_vectors_do()
    {
        // Node signs "Ann\ud800" as "Ann\uFFFD"; the vector's signature is Node's.
        var vector = StoredVectors.Get("surrogate-lone-high");
        var report = $$"""{"name":"Ann\ud800","email":"{{vector.Input.Email}}","token":"{{vector.Input.Token}}","timestamp":{{vector.Input.Timestamp}},"signature":"{{vector.Signature}}"}""";
        using var file = DiagnoseCli.Write(report);
        using var line = DiagnoseCli.Write(report.Replace($",\"signature\":\"{vector.Signature}\"", "", StringComparison.Ordinal));

        var diagnose = await DiagnoseCli.RunAsync(file.Path);
        var sign = await CliRun.RunAsync("sign", "--jsonl", line.Path);

        diagnose.ExitCode.ShouldBe(0, diagnose.All);
        diagnose.Output.ShouldContain("Kayako signs:     Ann\\uD800ann@example.com[token]1700000000");
        sign.Output.ShouldBe($"{{\"signature\":\"{vector.Signature}\"}}\n");
    }

    [Test]
    public async Task Sign_jsonl_drops_a_byte_order_mark_before_the_first_line_as_diagnose_does()
    {
        var vector = StoredVectors.Get("ascii-basic");
        var lines = SignCommandTests.JsonLines([vector.Input, vector.Input]);
        using var file = DiagnoseCli.Write([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(lines)]);

        var run = await CliRun.RunAsync("sign", "--jsonl", file.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"{{\"signature\":\"{vector.Signature}\"}}\n{{\"signature\":\"{vector.Signature}\"}}\n");
    }

    [Test]
    public void A_vectors_file_that_is_not_utf8_is_refused_with_its_line_and_byte()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. "{ \"vectors\": [\n  { \"id\": \"a"u8, 0xFF, .. "\" } ] }"u8]);

        var error = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Load(path));

        error.Message.ShouldBe($"The vectors file '{path}' is not UTF-8 text: line 2, byte 13 is not valid UTF-8. Save it as UTF-8 and try again.");
        File.Delete(path);
    }

    [Test]
    public void A_report_read_as_a_corpus_entry_keeps_the_same_rules()
    {
        var entries = Kayako.Harness.Signing.Diagnosis.SignatureReportJson.ReadAll(
            "{\"expectedCause\":\"valid\",\"report\":{" + Good + ",\"token\":\"x\",\"signature\":\"ab\"}}");

        entries.ShouldHaveSingleItem().Error.ShouldBe("line 1: \"token\" appears twice; give each field once.");
    }
}
