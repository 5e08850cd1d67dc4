using Kayako.Harness.Signing.Contract;
using Kayako.Harness.Tests.Cli;
using Shouldly;

namespace Kayako.Harness.Tests.Signing.Contract;

public sealed class SignatureVectorFileTests
{
    private const string Valid = """{ "id": "a", "description": "d", "name": "n", "email": "e", "token": "t", "timestamp": 1, "signature": "6f14f9424e1065ae5060fb72678e9294bb18a12c8e48955f95d03e37aa99e5de" }""";

    private static IEnumerable<TestCaseData> MalformedEntries()
    {
        yield return Case("missing name", Valid.Replace("\"name\": \"n\", ", "", StringComparison.Ordinal), "vectors[0] (id \"a\"): \"name\" is missing;");
        yield return Case("missing id", Valid.Replace("\"id\": \"a\", ", "", StringComparison.Ordinal), "vectors[0]: \"id\" is missing");
        yield return Case("number email", Valid.Replace("\"e\"", "5", StringComparison.Ordinal), "\"email\" is a number; it must be a JSON string.");
        yield return Case("fractional timestamp", Valid.Replace("\"timestamp\": 1", "\"timestamp\": 1.5", StringComparison.Ordinal), "\"timestamp\" is 1.5");
        yield return Case("string timestamp", Valid.Replace("\"timestamp\": 1", "\"timestamp\": \"1\"", StringComparison.Ordinal), "\"timestamp\" is a string (\"1\")");
        yield return Case("short signature", Valid.Replace("6f14", "", StringComparison.Ordinal), "\"signature\": the signature is malformed: 60 hex digits, not 64;");
        yield return Case("upper-case signature", Valid.Replace("6f14f", "6F14F", StringComparison.Ordinal), "\"signature\": the signature is malformed: 64 hex digits in mixed case;");
        yield return Case("empty token", Valid.Replace("\"t\"", "\"\"", StringComparison.Ordinal), "\"token\" is empty");
        yield return Case("unknown field", Valid.Replace("\"id\"", "\"extra\": 1, \"id\"", StringComparison.Ordinal), "unknown field \"extra\"");
        yield return Case("not an object", "42", "vectors[0]: expected a JSON object {\"id\",\"description\",\"name\",\"email\",\"token\",\"timestamp\",\"signature\",\"nodeOnly\"}, found a number.");

        static TestCaseData Case(string name, string entry, string expected) =>
            new TestCaseData(entry, expected).SetName($"Parse_names_a_malformed_entry({name})");
    }

    [TestCaseSource(nameof(MalformedEntries))]
    public void Parse_names_a_malformed_entry(string entry, string expected)
    {
        var error = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse($$"""{ "vectors": [ {{entry}} ] }""", "'test.json'"));

        error.Message.ShouldStartWith("The vectors file 'test.json' has 1 problem(s):");
        error.Message.ShouldContain(expected);
    }

    [Test]
    public void Parse_names_a_duplicate_id_and_its_first_use()
    {
        var error = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse($$"""{ "vectors": [ {{Valid}}, {{Valid}} ] }""", "'test.json'"));

        error.Message.ShouldContain("vectors[1] (id \"a\"): duplicate id, already used by vectors[0]");
    }

    [Test]
    public void Parse_reports_every_problem_at_once()
    {
        var bad = Valid.Replace("\"n\"", "1", StringComparison.Ordinal).Replace("\"timestamp\": 1", "\"timestamp\": true", StringComparison.Ordinal);

        var error = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse($$"""{ "vectors": [ {{bad}}, {{bad.Replace("\"a\"", "\"b\"", StringComparison.Ordinal)}} ] }""", "'test.json'"));

        error.Message.ShouldContain("has 4 problem(s)");
    }

    [TestCase("not json", "is not valid JSON")]
    [TestCase("[]", "must be an object with a \"vectors\" array")]
    [TestCase("""{ "vectors": {} }""", "must be an object with a \"vectors\" array")]
    public void Parse_explains_a_file_of_the_wrong_shape(string json, string expected)
    {
        var error = Should.Throw<SignatureVectorFileException>(() => SignatureVectorFile.Parse(json, "'test.json'"));

        error.Message.ShouldContain(expected);
    }

    [Test]
    public void Parse_keeps_an_escaped_unpaired_surrogate()
    {
        var vectors = SignatureVectorFile.Parse($$"""{ "vectors": [ {{Valid.Replace("\"n\"", "\"A\\ud800\\\"B\"", StringComparison.Ordinal)}} ] }""", "'test.json'");

        vectors[0].Input.Name.ShouldBe("A\uD800\"B");
    }

    [Test]
    public void The_stored_vectors_cover_the_contract_and_the_bundled_copy_is_the_same_file()
    {
        var bundled = SignatureVectorFile.LoadBundled();

        StoredVectors.All.Count.ShouldBeGreaterThanOrEqualTo(60);
        bundled.ShouldBe(StoredVectors.All);
    }

    [Test]
    public void The_stored_vectors_show_the_formula_properties()
    {
        StoredVectors.Get("boundary-ab-c").Signature.ShouldBe(StoredVectors.Get("boundary-a-bc").Signature);
        StoredVectors.Get("normalization-precomposed").Signature.ShouldNotBe(StoredVectors.Get("normalization-decomposed").Signature);
        StoredVectors.Get("surrogate-lone-high").Signature.ShouldBe(StoredVectors.Get("surrogate-replacement-equivalent").Signature);
    }
}
