using System.Globalization;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class VerifyCommandTests
{
    private static Task<CliRun> VerifyAsync(string signature, TokenVariable token, string id = "ascii-basic")
    {
        var input = StoredVectors.Get(id).Input;
        return CliRun.RunAsync("verify", "--name", input.Name, "--email", input.Email,
            "--timestamp", input.Timestamp.ToString(CultureInfo.InvariantCulture), "--token-env", token.Name, "--signature", signature);
    }

    [TestCase("ascii-basic")]
    [TestCase("emoji-zwj-family")]
    [TestCase("normalization-decomposed")]
    public async Task Verify_accepts_the_reference_signature(string id)
    {
        var vector = StoredVectors.Get(id);
        using var token = new TokenVariable(vector.Input.Token);

        var run = await VerifyAsync(vector.Signature, token, id);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("valid:");
    }

    [Test]
    public async Task Verify_explains_upper_case_hex()
    {
        var vector = StoredVectors.Get("ascii-basic");
        using var token = new TokenVariable(vector.Input.Token);

        var run = await VerifyAsync(vector.Signature.ToUpperInvariant(), token);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("the signature is malformed: 64 hex digits in upper case");
        run.Output.ShouldContain("Its digest is the expected one: only the form is wrong.");
    }

    [Test]
    public async Task Verify_explains_a_signature_of_the_wrong_length()
    {
        using var token = new TokenVariable(StoredVectors.Get("ascii-basic").Input.Token);

        var run = await VerifyAsync("b2Q1YmY0ZWQ=", token);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("the signature is malformed: 12 characters, neither hex digits nor base64 of a digest");
    }

    [Test]
    public async Task Verify_rejects_another_inputs_signature_and_shows_the_expected_one()
    {
        var vector = StoredVectors.Get("ascii-basic");
        var other = StoredVectors.Get("ascii-empty-name");
        using var token = new TokenVariable(vector.Input.Token);

        var run = await VerifyAsync(other.Signature, token);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain($"does not match these inputs (expected {vector.Signature})");
        run.Output.ShouldNotContain(vector.Input.Token);
    }

    [Test]
    public async Task Verify_treats_a_missing_signature_as_bad_input()
    {
        using var token = new TokenVariable("k");

        var run = await CliRun.RunAsync("verify", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-env", token.Name);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("kayako-harness verify: --signature is missing; give the signature the page passed to kayako.identify." + Environment.NewLine);
    }

    [Test]
    public async Task Verify_treats_a_bad_timestamp_as_bad_input()
    {
        using var token = new TokenVariable("k");

        var run = await CliRun.RunAsync("verify", "--name", "Ann", "--email", "a@x", "--timestamp", "1.5", "--token-env", token.Name, "--signature", "00");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--timestamp \"1.5\" is not an integer");
    }
}
