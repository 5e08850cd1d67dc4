using System.Text;
using Kayako.Harness.Signing;
using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class SignCommandTests
{
    private static IEnumerable<TestCaseData> VectorsWithNameAndEmail() => StoredVectors.All
        .Where(vector => vector.Input.Name.Length > 0 && vector.Input.Email.Length > 0)
        .Select(vector => new TestCaseData(vector.Id).SetName($"Sign_prints_the_reference_signature({vector.Id})"));

    [TestCaseSource(nameof(VectorsWithNameAndEmail))]
    public async Task Sign_prints_the_reference_signature(string id)
    {
        var vector = StoredVectors.Get(id);
        using var token = new TokenVariable(vector.Input.Token);

        var run = await CliRun.RunAsync("sign", "--name", vector.Input.Name, "--email", vector.Input.Email,
            "--timestamp", vector.Input.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token-env", token.Name);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe(vector.Signature + Environment.NewLine);
        run.Error.ShouldBeEmpty();
    }

    [Test]
    public async Task Sign_reads_the_token_from_a_file_without_its_trailing_newline()
    {
        var vector = StoredVectors.Get("ascii-basic");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, vector.Input.Token + "\n");

        var run = await CliRun.RunAsync("sign", "--name", vector.Input.Name, "--email", vector.Input.Email, "--timestamp", "1700000000", "--token-file", file);

        run.Output.ShouldBe(vector.Signature + Environment.NewLine);
        run.ExitCode.ShouldBe(0);
        File.Delete(file);
    }

    [Test]
    public async Task Sign_strips_only_one_trailing_newline_from_a_token_file()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "k\n\n");
        using var token = new TokenVariable("k\n");

        var fromFile = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-file", file);
        var fromVariable = await CliRun.RunAsync("sign", "--name", "Ann", "--email", "a@x", "--timestamp", "1", "--token-env", token.Name);

        fromFile.ExitCode.ShouldBe(0);
        fromFile.Output.ShouldBe(fromVariable.Output);
        File.Delete(file);
    }

    [Test]
    public async Task Sign_jsonl_signs_every_vector_in_order()
    {
        var file = Path.GetTempFileName();
        var lines = StoredVectors.All.Where(vector => !vector.NodeOnly).ToList();
        await File.WriteAllTextAsync(file, JsonLines(lines.Select(vector => vector.Input)));

        var run = await CliRun.RunAsync("sign", "--jsonl", file);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(lines.Select(vector => $"{{\"signature\":\"{vector.Signature}\"}}"));
        File.Delete(file);
    }

    [Test]
    public async Task Sign_jsonl_signs_unpaired_surrogates_as_node_does()
    {
        var file = Path.GetTempFileName();
        var lines = StoredVectors.All.Where(vector => vector.NodeOnly).ToList();
        await File.WriteAllTextAsync(file, JsonLines(lines.Select(vector => vector.Input)));

        var run = await CliRun.RunAsync("sign", "--jsonl", file);

        lines.Count.ShouldBeGreaterThan(0);
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(lines.Select(vector => $"{{\"signature\":\"{vector.Signature}\"}}"));
        File.Delete(file);
    }

    [Test]
    public async Task Sign_jsonl_accepts_windows_line_endings_and_a_last_line_without_one()
    {
        var vectors = new[] { StoredVectors.Get("ascii-basic"), StoredVectors.Get("cyrillic") };
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, JsonLines(vectors.Select(vector => vector.Input)).Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd());

        var run = await CliRun.RunAsync("sign", "--jsonl", file);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe(string.Concat(vectors.Select(vector => $"{{\"signature\":\"{vector.Signature}\"}}\n")));
        File.Delete(file);
    }

    [Test]
    public async Task Sign_accepts_a_one_megabyte_name()
    {
        var vector = StoredVectors.Get("name-10000-chars");
        var name = new string('x', 1024 * 1024);
        using var token = new TokenVariable(vector.Input.Token);

        var run = await CliRun.RunAsync("sign", "--name", name, "--email", "a@x", "--timestamp", "1", "--token-env", token.Name);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Length.ShouldBe(MessengerSignature.Length);
    }

    [Test]
    public async Task Sign_jsonl_accepts_a_one_megabyte_name()
    {
        var file = Path.GetTempFileName();
        var input = new SignatureInput(new string('é', 512 * 1024), "a@x", "k", 1);
        await File.WriteAllTextAsync(file, JsonLines([input, input with { Timestamp = 2 }]));

        var run = await CliRun.RunAsync("sign", "--jsonl", file);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        File.Delete(file);
    }

    internal static string JsonLines(IEnumerable<SignatureInput> inputs)
    {
        var text = new StringBuilder();
        foreach (var input in inputs)
        {
            SignerInputLine.Append(text, input);
        }

        return text.ToString();
    }
}
