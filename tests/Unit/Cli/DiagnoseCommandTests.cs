using System.Diagnostics;
using System.Text.Json;
using Kayako.Harness.Tests.Signing.Diagnosis;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class DiagnoseCommandTests
{
    private static readonly List<BugReport> Corpus =
        BugCorpus.Cases(BugCorpus.Reports).Select(c => (BugReport)c.Arguments[0]!).ToList();

    private static readonly string[] Lines = File.ReadAllLines(BugCorpus.Reports);

    [Test]
    public async Task A_valid_report_prints_valid_and_exits_0()
    {
        using var file = DiagnoseCli.Write(Lines[Corpus.FindIndex(b => b.ExpectedCause == "valid")]);

        var result = await DiagnoseCli.RunAsync(file.Path);

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("VALID");
        result.Error.ShouldBeEmpty();
    }

    [Test]
    public async Task A_bug_prints_the_cause_what_was_signed_and_the_fix_and_exits_1()
    {
        var index = Corpus.FindIndex(b => b.ExpectedCause == "timestamp-milliseconds+uppercase-hex");
        using var file = DiagnoseCli.Write(Lines[index]);

        var result = await DiagnoseCli.RunAsync(file.Path);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain("INVALID: cause timestamp-milliseconds+uppercase-hex");
        result.Output.ShouldContain("sender signed:");
        result.Output.ShouldContain("[token]");
        result.Output.ShouldContain("fix (PHP):        $signature = hash_hmac('sha256'");
        result.Output.ShouldContain("fix (Node):       const signature = crypto.createHmac('sha256'");
        result.All.ShouldNotContain(Corpus[index].Report.Token!);
    }

    [Test]
    public async Task Json_lines_in_give_one_json_verdict_per_report_with_the_right_cause_and_no_token()
    {
        var result = await DiagnoseCli.RunAsync(BugCorpus.Reports, "--json");

        result.ExitCode.ShouldBe(1);
        var verdicts = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        verdicts.Select(v => v.GetProperty("cause").GetString()).ShouldBe(Corpus.Select(b => b.ExpectedCause));
        verdicts.Select(v => v.GetProperty("valid").GetBoolean()).ShouldBe(Corpus.Select(b => b.ExpectedCause == "valid"));
        verdicts.ShouldAllBe(v => v.GetProperty("message").GetString()!.Contains("[token]"));
        verdicts.ShouldAllBe(v => v.GetProperty("expected").GetString()!.Length == 64);
        foreach (var token in Corpus.Select(b => b.Report.Token!).Distinct())
        {
            result.All.ShouldNotContain(token);
        }
    }

    [Test]
    public async Task A_pretty_printed_report_file_is_one_report()
    {
        var bug = Corpus.First(b => b.ExpectedCause == "base64-digest");
        var pretty = JsonSerializer.Serialize(
            new { name = bug.Report.Name, email = bug.Report.Email, token = bug.Report.Token, timestamp = bug.Report.Timestamp, signature = bug.Report.Signature },
            new JsonSerializerOptions { WriteIndented = true });
        using var file = DiagnoseCli.Write(pretty);

        var result = await DiagnoseCli.RunAsync(file.Path, "--json");

        result.ExitCode.ShouldBe(1);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("cause").GetString().ShouldBe("base64-digest");
    }

    [Test]
    public async Task A_json_array_of_reports_gives_one_verdict_each()
    {
        using var file = DiagnoseCli.Write("[" + string.Join(",\n", Lines.Take(4)) + "]");

        var result = await DiagnoseCli.RunAsync(file.Path, "--json");

        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("cause").GetString())
            .ShouldBe(Corpus.Take(4).Select(b => b.ExpectedCause));
    }

    [TestCase("wrong-text-encoding+base64-digest")]
    [TestCase("key-and-message-swapped")]
    [TestCase("whitespace+email-case")]
    [TestCase("unicode-normalization+uppercase-hex")]
    public async Task Reproduce_prints_php_and_node_one_liners_that_recompute_both_signatures(string cause)
    {
        var index = Corpus.FindIndex(b => b.ExpectedCause == cause);
        var report = Corpus[index].Report;
        using var file = DiagnoseCli.Write(Lines[index]);

        var result = await DiagnoseCli.RunAsync(file.Path, "--reproduce", "--json");

        var reproduce = JsonDocument.Parse(result.Output).RootElement.GetProperty("reproduce");
        var expected = JsonDocument.Parse(result.Output).RootElement.GetProperty("expected").GetString();
        foreach (var language in new[] { "php", "node" })
        {
            if (cause.StartsWith("unicode", StringComparison.Ordinal) && language == "php")
            {
                continue; // the NFD name is a literal; PHP has no normalizer here and needs none to reproduce it
            }

            (await RunShellAsync(reproduce.GetProperty("expected").GetProperty(language).GetString()!, report.Token!)).ShouldBe(expected);
            (await RunShellAsync(reproduce.GetProperty("observed").GetProperty(language).GetString()!, report.Token!)).ShouldBe(report.Signature.Trim());
        }

        result.All.ShouldNotContain(report.Token!);
    }

    [Test]
    public async Task Reproduce_in_text_prints_runnable_command_lines()
    {
        var index = Corpus.FindIndex(b => b.ExpectedCause == "separator+wrong-algorithm");
        var report = Corpus[index].Report;
        using var file = DiagnoseCli.Write(Lines[index]);

        var result = await DiagnoseCli.RunAsync(file.Path, "--reproduce");

        var commands = result.Output.Split('\n').Where(l => l.StartsWith("php -r ", StringComparison.Ordinal) || l.StartsWith("node -e ", StringComparison.Ordinal)).ToList();
        commands.Count.ShouldBe(4);
        var printed = new List<string>();
        foreach (var command in commands)
        {
            printed.Add(await RunShellAsync(command, report.Token!));
        }

        printed.ShouldBe([SignatureOf("valid", report), SignatureOf("valid", report), report.Signature, report.Signature]);
        result.All.ShouldNotContain(report.Token!);
    }

    [Test]
    public async Task Bad_lines_are_named_with_line_and_field_and_the_good_ones_still_diagnosed()
    {
        var good = Lines[Corpus.FindIndex(b => b.ExpectedCause == "uppercase-hex")];
        var input = string.Join('\n',
            good,
            """{"name":"Ann","email":"a@example.com","token":"t0k3n-secret","timestamp":"soon","signature":"ab"}""",
            """{"name":"Ann","token":"t0k3n-secret","timestamp":1764000000,"signature":"ab"}""",
            """{"name":"Ann","email":"a@example.com","token":"t0k3n-secret","timestamp":1764000000.5,"signature":"ab"}""",
            "{not json",
            """{"name":"Ann","email":"a@example.com","tokn":"x","timestamp":1,"signature":"ab"}""");
        using var file = DiagnoseCli.Write(input);

        var result = await DiagnoseCli.RunAsync(file.Path, "--json");

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldContain("\"cause\":\"uppercase-hex\"");
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Length.ShouldBe(5);
        errors[0].ShouldContain("line 2: \"timestamp\" is a string (\"soon\"); write it as a JSON integer of Unix seconds");
        errors[1].ShouldContain("line 3: \"email\" is missing");
        errors[2].ShouldContain("line 4: \"timestamp\" is 1764000000.5, not an integer");
        errors[3].ShouldContain("line 5: not valid JSON");
        errors[4].ShouldContain("line 6: unknown field \"tokn\"");
        result.All.ShouldNotContain("t0k3n-secret");
    }

    [Test]
    public async Task A_one_character_token_is_masked_only_in_the_reports_own_values()
    {
        // "k" is in "token", "Kirk" and the one-liners' "$k", and its hex "6b" in many digests: only the email, where it
        // stands alone, shows it masked.
        using var line = DiagnoseCli.Write("""{"name":"Kirk","email":"k@example.com","token":"k","timestamp":1700000000}""" + "\n");
        var signed = JsonDocument.Parse((await CliRun.RunAsync("sign", "--jsonl", line.Path)).Output).RootElement.GetProperty("signature").GetString()!;
        var report = new Kayako.Harness.Signing.Diagnosis.SignatureReport("Kirk", "k@example.com", "k", 1700000000, signed.ToUpperInvariant());
        using var file = DiagnoseCli.Write(JsonSerializer.Serialize(new { name = report.Name, email = report.Email, token = report.Token, timestamp = report.Timestamp, signature = report.Signature }));

        var result = await DiagnoseCli.RunAsync(file.Path, "--reproduce");

        result.ExitCode.ShouldBe(1, result.Error);
        var lines = result.Output.Split('\n');
        lines.ShouldContain("line 1: INVALID: cause uppercase-hex");
        lines.ShouldContain($"  sent signature:   {report.Signature}");
        lines.ShouldContain("  Kayako signs:     Kirk[token]@example.com[token]1700000000");
        lines.ShouldContain($"  expected:         {signed}");
        lines.ShouldContain(l => l.StartsWith("  fix (PHP):        $signature = hash_hmac('sha256', $name . $email . $token . $timestamp, $token);", StringComparison.Ordinal));
        lines.ShouldContain("  note: The token occurs in the email; it is shown there as [token].");
        var commands = lines.Where(l => l.StartsWith("php -r ", StringComparison.Ordinal) || l.StartsWith("node -e ", StringComparison.Ordinal)).ToList();
        commands.Count.ShouldBe(4);
        var printed = new List<string>();
        foreach (var command in commands)
        {
            printed.Add(await RunShellAsync(command, "k"));
        }

        printed.ShouldBe([signed, signed, report.Signature, report.Signature]);
    }

    [Test]
    public async Task A_report_with_a_repeated_field_is_refused_instead_of_taking_the_last()
    {
        var bug = Corpus.First(b => b.ExpectedCause == "valid");
        var line = Lines[Corpus.IndexOf(bug)].Replace("{\"name\":", "{\"name\":\"Mallory\",\"name\":", StringComparison.Ordinal);
        using var file = DiagnoseCli.Write(line);

        var result = await DiagnoseCli.RunAsync(file.Path);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("line 1: \"name\" appears twice; give each field once.");
    }

    [Test]
    public async Task A_timestamp_sent_as_a_string_of_digits_is_diagnosed_with_a_note()
    {
        var bug = Corpus.First(b => b.ExpectedCause == "valid");
        var line = JsonSerializer.Serialize(new { name = bug.Report.Name, email = bug.Report.Email, token = bug.Report.Token, timestamp = bug.Report.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature = bug.Report.Signature });
        using var file = DiagnoseCli.Write(line);

        var result = await DiagnoseCli.RunAsync(file.Path);

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("The timestamp was the string");
    }

    [Test]
    public async Task Reads_json_lines_from_standard_input_with_a_dash()
    {
        var result = await CliProcess.RunAsync(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', Lines.Take(3))), "diagnose", "-");

        result.ExitCode.ShouldBe(1, result.Error);
        result.Output.Split('\n').Count(l => l.StartsWith("line ", StringComparison.Ordinal)).ShouldBe(3);
        result.Output.ShouldContain("line 3: INVALID: cause " + Corpus[2].ExpectedCause);
    }

    [Test]
    public async Task A_report_without_a_token_gets_the_form_checks_and_no_expected_signature()
    {
        var bug = Corpus.First(b => b.ExpectedCause == "uppercase-hex");
        var line = JsonSerializer.Serialize(new { name = bug.Report.Name, email = bug.Report.Email, timestamp = bug.Report.Timestamp, signature = bug.Report.Signature });
        using var file = DiagnoseCli.Write(line);

        var result = await DiagnoseCli.RunAsync(file.Path, "--json");

        result.ExitCode.ShouldBe(1);
        var verdict = JsonDocument.Parse(result.Output).RootElement;
        verdict.GetProperty("cause").GetString().ShouldBe("uppercase-hex");
        verdict.GetProperty("expected").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task A_missing_file_is_bad_input()
    {
        var result = await DiagnoseCli.RunAsync("/nonexistent/report.json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("cannot read '/nonexistent/report.json'");
    }

    [Test]
    public async Task Empty_input_is_bad_input()
    {
        using var file = DiagnoseCli.Write("  \n");

        var result = await DiagnoseCli.RunAsync(file.Path);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("line 1: the input is empty");
    }

    private static string SignatureOf(string cause, Kayako.Harness.Signing.Diagnosis.SignatureReport report) =>
        Corpus.First(b => b.ExpectedCause == cause && b.Report.Name == report.Name && b.Report.Timestamp == report.Timestamp).Report.Signature;

    private static async Task<string> RunShellAsync(string command, string token)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KAYAKO_MESSENGER_TOKEN"] = token;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        return output.Trim();
    }
}
