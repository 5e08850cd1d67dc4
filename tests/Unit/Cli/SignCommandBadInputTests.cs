using Kayako.Harness.Signing;
using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class SignCommandBadInputTests
{
    private const string Secret = "SECRET-token-0b7e";

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return Case("missing --name", ["--email", "a@x", "--timestamp", "1"], "--name is missing");
        yield return Case("empty --name", ["--name", "", "--email", "a@x", "--timestamp", "1"], "--name is empty");
        yield return Case("missing --email", ["--name", "Ann", "--timestamp", "1"], "--email is missing");
        yield return Case("empty --email", ["--name", "Ann", "--email", "", "--timestamp", "1"], "--email is empty");
        yield return Case("missing --timestamp", ["--name", "Ann", "--email", "a@x"], "--timestamp is missing");
        yield return Case("fractional timestamp", ["--name", "Ann", "--email", "a@x", "--timestamp", "1.5"], "--timestamp \"1.5\" is not an integer");
        yield return Case("word timestamp", ["--name", "Ann", "--email", "a@x", "--timestamp", "abc"], "--timestamp \"abc\" is not an integer");
        yield return Case("exponent timestamp", ["--name", "Ann", "--email", "a@x", "--timestamp", "1e21"], "--timestamp \"1e21\" is not an integer");
        yield return Case("timestamp beyond 64 bits", ["--name", "Ann", "--email", "a@x", "--timestamp", "99999999999999999999"], "is not an integer");

        static TestCaseData Case(string name, string[] args, string expected) =>
            new TestCaseData(args, expected).SetName($"Sign_rejects_bad_arguments({name})");
    }

    [TestCaseSource(nameof(BadArguments))]
    public async Task Sign_rejects_bad_arguments(string[] args, string expected)
    {
        using var token = new TokenVariable(Secret);

        var run = await CliRun.RunAsync(["sign", .. args, "--token-env", token.Name]);

        ShouldBeOneLineOfBadInput(run, expected);
    }

    [Test]
    public async Task Sign_names_an_unset_token_variable()
    {
        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-env", "KAYAKO_TEST_UNSET_VARIABLE");

        ShouldBeOneLineOfBadInput(run, "the environment variable KAYAKO_TEST_UNSET_VARIABLE (from --token-env) is not set");
    }

    [Test]
    public async Task Sign_never_prints_a_token_given_where_the_variable_name_belongs()
    {
        const string token = "3f1c9a7be2d04c8f9e1a6b5d7c3e2f10";

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-env", token);

        ShouldBeOneLineOfBadInput(run, "--token-env names no set variable, and its value looks like a token, not a variable name (so it is not shown)");
        run.All.ShouldNotContain(token);
    }

    [Test]
    public async Task Sign_never_prints_a_token_given_where_the_file_name_belongs()
    {
        const string token = "kq83nD0xT7vR2mLw9bZ4";

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", token);

        ShouldBeOneLineOfBadInput(run, "--token-file names no file, and its value looks like a token");
        run.All.ShouldNotContain(token);
    }

    [Test]
    public async Task Sign_requires_a_token_source_and_never_takes_the_token_as_an_argument()
    {
        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1");

        ShouldBeOneLineOfBadInput(run, "no token: pass --token-env");
    }

    [Test]
    public async Task Sign_rejects_two_token_sources()
    {
        using var token = new TokenVariable(Secret);

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-env", token.Name, "--token-file", "/tmp/x");

        ShouldBeOneLineOfBadInput(run, "not both");
    }

    [Test]
    public async Task Sign_names_an_unreadable_token_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-token-{Guid.NewGuid():N}");

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", missing);

        ShouldBeOneLineOfBadInput(run, $"cannot read the token file '{missing}'");
    }

    [Test]
    public async Task Sign_explains_an_empty_token()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "\n");

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", file);

        ShouldBeOneLineOfBadInput(run, "The messenger token is empty.");
        run.Error.ShouldNotContain("Parameter");
        File.Delete(file);
    }

    [Test]
    public async Task Sign_stops_reading_an_endless_token_file_at_the_limit_and_names_it()
    {
        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", "/dev/zero");

        ShouldBeOneLineOfBadInput(run, "the token file '/dev/zero' (from --token-file) is larger than 64 KiB");
    }

    [Test]
    public async Task Sign_refuses_a_token_file_one_byte_over_the_limit()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, new string('k', (64 * 1024) + 1));

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", file);

        ShouldBeOneLineOfBadInput(run, $"the token file '{file}' (from --token-file) is larger than 64 KiB");
        File.Delete(file);
    }

    [Test]
    public async Task Sign_refuses_a_token_file_that_is_not_utf8_instead_of_signing_with_a_replacement_character()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, [.. "SECRET"u8, 0xC3, 0x28, (byte)'\n']);

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", file);

        ShouldBeOneLineOfBadInput(run, $"the token file '{file}' (from --token-file) is not UTF-8 text: line 1, byte 7 is not valid UTF-8");
        File.Delete(file);
    }

    [Test]
    public async Task Sign_names_a_token_file_that_is_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("token-").FullName;

        var run = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", folder);

        ShouldBeOneLineOfBadInput(run, $"the token file '{folder}' (from --token-file) is a folder");
        Directory.Delete(folder);
    }

    [Test]
    public async Task Sign_jsonl_names_the_line_of_invalid_utf8_inside_a_string_after_writing_the_lines_before_it()
    {
        var good = StoredVectors.Get("ascii-basic");
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, [.. InvalidUtf8OnLine2(good)]);

        var run = await CliRun.RunAsync("sign", "--jsonl", file);

        ShouldBeOneLineOfBadInput(run, $"'{file}' line 2: byte 13 is not valid UTF-8");
        run.Output.ShouldBe($"{{\"signature\":\"{good.Signature}\"}}\n");
        File.Delete(file);
    }

    [Test]
    public async Task Sign_jsonl_from_standard_input_names_the_line_of_invalid_utf8()
    {
        var good = StoredVectors.Get("ascii-basic");

        var run = await CliProcess.RunAsync([.. InvalidUtf8OnLine2(good)], "sign", "--jsonl", "-");

        ShouldBeOneLineOfBadInput(run, "stdin line 2: byte 13 is not valid UTF-8");
        run.Output.ShouldBe($"{{\"signature\":\"{good.Signature}\"}}\n");
    }

    [Test]
    public async Task Sign_jsonl_stops_an_endless_line_at_the_limit()
    {
        var run = await CliRun.RunAsync("sign", "--jsonl", "/dev/zero");

        ShouldBeOneLineOfBadInput(run, "'/dev/zero' line 1: longer than 16 MiB without a line break");
    }

    [Test]
    public async Task Sign_signs_a_name_that_starts_with_an_at_sign_instead_of_reading_a_file_of_that_name()
    {
        using var token = new TokenVariable(Secret);

        var run = await CliRun.RunAsync("sign", "--name", "@ann", "--email", "a@x", "--timestamp", "1", "--token-env", token.Name);

        run.ExitCode.ShouldBe(0, run.Error);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, SignCommandTests.JsonLines([new SignatureInput("@ann", "a@x", Secret, 1)]));
        var fromJsonLines = await CliRun.RunAsync("sign", "--jsonl", file);
        run.Output.TrimEnd().ShouldBe(fromJsonLines.Output.TrimEnd()[14..^2]);
        File.Delete(file);
    }

    // Line 1 a good input; line 2 the name "Ann" followed by 0xFF, a byte UTF-8 never uses.
    private static IEnumerable<byte> InvalidUtf8OnLine2(SignatureVector good) =>
        System.Text.Encoding.UTF8.GetBytes(SignCommandTests.JsonLines([good.Input]))
            .Concat("{\"name\":\"Ann"u8.ToArray()).Append((byte)0xFF)
            .Concat(System.Text.Encoding.UTF8.GetBytes($"\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1}}\n"));

    private static IEnumerable<TestCaseData> BadJsonLines()
    {
        yield return Case("not JSON", "{\"name\":\"Ann\",", "line 3: not valid JSON");
        yield return Case("not an object", "[1,2]", "line 3: expected a JSON object");
        yield return Case("empty line", "", "line 3: the line is empty");
        yield return Case("missing field", $"{{\"name\":\"Ann\",\"token\":\"{Secret}\",\"timestamp\":1}}", "line 3: \"email\" is missing");
        yield return Case("unknown field", $"{{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1,\"signature\":\"x\"}}", "line 3: unknown field \"signature\"");
        yield return Case("duplicate field", $"{{\"name\":\"Ann\",\"name\":\"Bob\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1}}", "line 3: \"name\" appears twice");
        yield return Case("string timestamp", $"{{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":\"1700000000\"}}", "line 3: \"timestamp\" is a string (\"1700000000\")");
        yield return Case("fractional timestamp", $"{{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1.5}}", "line 3: \"timestamp\" is 1.5");
        yield return Case("exponent timestamp", $"{{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1e21}}", "line 3: \"timestamp\" is 1e21");
        yield return Case("null timestamp", $"{{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":null}}", "line 3: \"timestamp\" is null");
        yield return Case("number token", "{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":12345,\"timestamp\":1}", "line 3: \"token\" is a number; it must be a JSON string");
        yield return Case("empty token", "{\"name\":\"Ann\",\"email\":\"a@x\",\"token\":\"\",\"timestamp\":1}", "line 3: \"token\" is empty; the messenger token");

        static TestCaseData Case(string name, string badLine, string expected) =>
            new TestCaseData(badLine, expected).SetName($"Sign_jsonl_stops_at_a_bad_line_after_writing_the_lines_before_it({name})");
    }

    [TestCaseSource(nameof(BadJsonLines))]
    public async Task Sign_jsonl_stops_at_a_bad_line_after_writing_the_lines_before_it(string badLine, string expected)
    {
        var good = StoredVectors.Get("ascii-basic");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, SignCommandTests.JsonLines([good.Input, good.Input]) + badLine + "\n" + SignCommandTests.JsonLines([good.Input]));

        var run = await CliRun.RunAsync("sign", "--jsonl", file);

        ShouldBeOneLineOfBadInput(run, $"'{file}' {expected}");
        run.Output.ShouldBe($"{{\"signature\":\"{good.Signature}\"}}\n{{\"signature\":\"{good.Signature}\"}}\n");
        File.Delete(file);
    }

    [Test]
    public async Task Sign_jsonl_names_a_missing_file()
    {
        var run = await CliRun.RunAsync("sign", "--jsonl", "/no/such/lines.jsonl");

        ShouldBeOneLineOfBadInput(run, "cannot read the --jsonl file '/no/such/lines.jsonl'");
    }

    [Test]
    public async Task Sign_jsonl_refuses_single_input_options()
    {
        var run = await CliRun.RunAsync("sign", "--jsonl", "-", "--name", "Ann");

        ShouldBeOneLineOfBadInput(run, "--jsonl reads name, email, token and timestamp from each line");
    }

    private static void ShouldBeOneLineOfBadInput(CliRun run, string expected)
    {
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith("kayako-harness sign: ");
        run.Error.ShouldContain(expected);
        run.Error.TrimEnd('\n', '\r').ShouldNotContain('\n');
        run.Error.ShouldNotContain(" at Kayako.");
        run.Error.ShouldNotContain("Unhandled exception");
        run.Error.ShouldNotContain(Secret);
        run.Output.ShouldNotContain(Secret);
    }
}
