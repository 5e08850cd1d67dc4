using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// Every typed option refuses a value that does not fit while parsing: exit 2, one line that names the verb, the
/// option, the value (unless it may be a token) and how to fix it, and nothing run.
/// </summary>
public sealed class TypedOptionTests
{
    private const string TokenLike = "3f1c9a7be2d04c8f9e1a6b5d7c3e2f10";

    private static IEnumerable<TestCaseData> RefusedValues()
    {
        yield return Case("workers, a word", ["check", "--workers", "abc"], "--workers \"abc\" is not a number of workers; give a whole number from 1 to 64 (default: the number of cores");
        yield return Case("workers, above the most", ["check", "--workers", "65"], "--workers \"65\" is not a number of workers");
        yield return Case("workers, a fraction", ["check", "--workers", "2.5"], "--workers \"2.5\" is not a number of workers");
        yield return Case("workers, empty", ["check", "--workers", ""], "--workers is empty; give a whole number from 1 to 64");
        yield return Case("repeat-each, zero", ["check", "--repeat-each", "0"], "--repeat-each \"0\" is not a number of runs per site; give a whole number from 1 to 100, like --repeat-each 10 (each run is a whole play of the site).");
        yield return Case("repeat-each, above the most", ["check", "--repeat-each", "101"], "--repeat-each \"101\" is not a number of runs per site; give a whole number from 1 to 100");
        yield return Case("repeat-each, a word", ["check", "--repeat-each", "ten"], "--repeat-each \"ten\" is not a number of runs per site");
        yield return Case("repeat-each, empty", ["check", "--repeat-each", ""], "--repeat-each is empty; give a whole number from 1 to 100");
        yield return Case("config, empty", ["check", "--config", ""], "--config is empty; give a playwright.config.json that lists sites and steps.");
        yield return Case("json, empty", ["check", "--json", ""], "--json is empty; give a file name, like --json report.json.");
        yield return Case("junit, empty", ["check", "--junit", ""], "--junit is empty; give a file name, like --junit report.xml.");
        yield return Case("html, empty", ["check", "--html", ""], "--html is empty; give a file name, like --html report.html.");
        yield return Case("shard, empty", ["check", "--shard", ""], "--shard is empty; give the shard as I/N, two whole numbers with 1 ≤ I ≤ N, like --shard 2/4.");
        yield return Case("sarif, empty", ["check", "--sarif", ""], "--sarif is empty; give a file name, like --sarif report.sarif.");
        yield return Case("merge sarif, empty", ["merge", "a.json", "--sarif", ""], "--sarif is empty; give a file name, like --sarif report.sarif.");
        yield return Case("merge json, empty", ["merge", "a.json", "--json", ""], "--json is empty; give a file name, like --json report.json.");
        yield return Case("random, above the most", ["contract", "--random", "10000001"], "--random \"10000001\" is not a count of inputs; give a whole number from 1 to 10000000, e.g. --random 10000.");
        yield return Case("random, negative", ["contract", "--random=-5"], "--random \"-5\" is not a count of inputs");
        yield return Case("seed, beyond 32 bits", ["contract", "--random", "5", "--seed", "2147483648"], "--seed \"2147483648\" is not a 32-bit integer; use the seed a previous run printed, e.g. --seed 12345.");
        yield return Case("vectors, empty", ["contract", "--vectors", ""], "--vectors is empty; give a vectors file, or leave it out to use the bundled vectors.");
        yield return Case("timestamp, empty", ["sign", "--timestamp", ""], "--timestamp is empty; give Unix seconds as plain digits, e.g. --timestamp 1700000000.");
        yield return Case("timestamp, milliseconds as a fraction", ["verify", "--timestamp", "1700000000.000"], "--timestamp \"1700000000.000\" is not an integer");
        yield return Case("token file, empty", ["sign", "--token-file", ""], "--token-file is empty; give the path of the file that holds the token.");

        static TestCaseData Case(string name, string[] args, string expected) =>
            new TestCaseData(args, expected).SetName($"A_refused_value_is_one_line_naming_the_option_and_the_fix({name})");
    }

    [TestCaseSource(nameof(RefusedValues))]
    public async Task A_refused_value_is_one_line_naming_the_option_and_the_fix(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith($"kayako-harness {args[0]}: ");
        run.Error.ShouldContain(expected, Case.Sensitive);
        run.Error.TrimEnd('\n', '\r').ShouldNotContain('\n'); // the fix is in the line: no "--help" hint after it
        run.Output.ShouldBeEmpty();
    }

    [TestCase("check", "--workers")]
    [TestCase("check", "--repeat-each")]
    [TestCase("contract", "--random")]
    [TestCase("contract", "--seed")]
    [TestCase("sign", "--timestamp")]
    [TestCase("verify", "--timestamp")]
    public async Task A_refused_value_that_looks_like_a_token_is_never_shown(string verb, string option)
    {
        var run = await CliRun.RunAsync(verb, option, TokenLike);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain($"{option} is not ");
        run.Error.ShouldContain("(the value is not shown: it looks like a token)");
        run.All.ShouldNotContain(TokenLike);
    }

    [Test]
    public async Task Every_refused_value_is_named_on_its_own_line()
    {
        var run = await CliRun.RunAsync("contract", "--random", "many", "--seed", "x");

        run.ExitCode.ShouldBe(2);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(2, run.Error);
        lines.ShouldContain(line => line.StartsWith("kayako-harness contract: --random \"many\" is not a count of inputs", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("kayako-harness contract: --seed \"x\" is not a 32-bit integer", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_refused_value_next_to_an_unknown_option_also_points_to_help()
    {
        var run = await CliRun.RunAsync("contract", "--random", "many", "--rnadom", "5");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--random \"many\" is not a count of inputs");
        run.Error.ShouldContain("--rnadom is not an option");
        run.Error.ShouldContain("Run 'kayako-harness contract --help' for the options.");
    }

    [Test]
    public async Task An_option_without_its_value_points_to_help()
    {
        var run = await CliRun.RunAsync("sign", "--timestamp");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("kayako-harness sign: Required argument missing for option: '--timestamp'.");
        run.Error.ShouldContain("Run 'kayako-harness sign --help' for the options.");
    }

    [TestCase("timestamp-minus-one")]
    [TestCase("timestamp-js-min-safe")]
    public async Task A_negative_timestamp_is_a_value_the_verb_signs(string id)
    {
        var vector = StoredVectors.Get(id);
        using var token = new TokenVariable(vector.Input.Token);

        var run = await CliRun.RunAsync("sign", "--name", vector.Input.Name, "--email", vector.Input.Email,
            $"--timestamp={vector.Input.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "--token-env", token.Name);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe(vector.Signature + Environment.NewLine);
    }
}
