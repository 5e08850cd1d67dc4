using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class ContractCommandTests
{
    private const string GoodSignature = "6f14f9424e1065ae5060fb72678e9294bb18a12c8e48955f95d03e37aa99e5de";

    [Test]
    public async Task Contract_over_the_bundled_vectors_reports_agreement()
    {
        var run = await CliRun.RunAsync("contract");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Output.ShouldContain($"All implementations agree on all {StoredVectors.All.Count} cases.");
        run.Output.ShouldContain($"PHP skipped {StoredVectors.All.Count(vector => vector.NodeOnly)} Node-only vector(s)");
    }

    [Test]
    public async Task Contract_with_random_inputs_prints_the_seed_to_reproduce_them()
    {
        var run = await CliRun.RunAsync("contract", "--random", "300", "--seed", "7");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Output.ShouldContain("300 random inputs (seed 7)");
        run.Output.ShouldContain($"All implementations agree on all {StoredVectors.All.Count + 300} cases.");
    }

    [Test]
    public async Task Contract_reports_a_stored_signature_that_no_implementation_gives()
    {
        var file = await WriteVectorsAsync(Vector("ascii-basic", GoodSignature) + "," + Vector("wrong-on-purpose", new string('0', 64)));

        var run = await CliRun.RunAsync("contract", "--vectors", file);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("1 case(s) disagree");
        run.Output.ShouldContain("case wrong-on-purpose");
        run.Output.ShouldContain("message UTF-8 (");
        run.Output.ShouldNotContain("case ascii-basic");
    }

    [Test]
    public async Task Contract_names_a_duplicate_vector_id()
    {
        var file = await WriteVectorsAsync(Vector("same", GoodSignature) + "," + Vector("same", GoodSignature));

        var run = await CliRun.RunAsync("contract", "--vectors", file);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("vectors[1] (id \"same\"): duplicate id, already used by vectors[0]");
        run.Error.ShouldNotContain(" at Kayako.");
    }

    [Test]
    public async Task Contract_names_a_malformed_vector()
    {
        var file = await WriteVectorsAsync(Vector("string-timestamp", GoodSignature).Replace("1700000000", "\"1700000000\"", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("contract", "--vectors", file);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("vectors[0] (id \"string-timestamp\"): \"timestamp\" is a string");
    }

    [TestCase("--php", "PHP", "apt-get install -y php-cli")]
    [TestCase("--node", "Node", "apt-get install -y nodejs")]
    public async Task Contract_says_how_to_install_a_missing_interpreter(string option, string name, string install)
    {
        var run = await CliRun.RunAsync("contract", option, "/nonexistent/interpreter");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain($"{name} is needed");
        run.Error.ShouldContain(install);
    }

    [TestCase(new[] { "--seed", "5" }, "--seed only applies to random inputs")]
    [TestCase(new[] { "--random", "abc" }, "--random \"abc\" is not a count")]
    [TestCase(new[] { "--random", "0" }, "--random \"0\" is not a count")]
    [TestCase(new[] { "--random", "5", "--seed", "x" }, "--seed \"x\" is not a 32-bit integer")]
    [TestCase(new[] { "--vectors", "/no/such/vectors.json" }, "Cannot read the vectors file '/no/such/vectors.json'")]
    [TestCase(new[] { "--vectors", "/dev/zero" }, "the vectors file '/dev/zero' (from --vectors) is larger than 64 MiB")]
    [TestCase(new[] { "--vectors", "/" }, "the vectors file '/' (from --vectors) is a folder")]
    public async Task Contract_rejects_bad_options(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(["contract", .. args]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(expected);
        run.Error.TrimEnd().ShouldNotContain('\n');
    }

    private static string Vector(string id, string signature) =>
        $$"""{ "id": "{{id}}", "description": "d", "name": "Ann Smith", "email": "ann@example.com", "token": "kayako-token-7f3a9c", "timestamp": 1700000000, "signature": "{{signature}}" }""";

    private static async Task<string> WriteVectorsAsync(string entries)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vectors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""{ "vectors": [ {{entries}} ] }""");
        return file;
    }
}
