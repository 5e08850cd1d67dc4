using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.Tests.Signing;

public sealed class SignatureFormTests
{
    // Any 32-byte digest written as hex: only its form matters here.
    private const string Hex = "3f6a5a6c7f3cbb2a6a1e0d7b5f7ad0ba5ab4a8a4b4f8b7b6e1e7c1ad6a1b1c2d";

    private static IEnumerable<TestCaseData> Forms()
    {
        yield return Case("upper-case hex", Hex.ToUpperInvariant(), SignatureEncoding.Hex, "64 hex digits in upper case", ["uppercase-hex"]);
        yield return Case("mixed-case hex", "A" + Hex[1..], SignatureEncoding.Hex, "64 hex digits in mixed case", ["uppercase-hex"]);
        yield return Case("HMAC-SHA1 hex", Hex[..40], SignatureEncoding.Hex, "40 hex digits, not 64 (a 20-byte digest, as SHA-1 and HMAC-SHA1 give)", ["wrong-algorithm"]);
        yield return Case("hex of no digest's length", Hex[..62], SignatureEncoding.Hex, "62 hex digits, not 64", []);
        yield return Case("base64 of the raw digest", "P2pabH88uypqHg17X3rQulq0qKS0+Le24efBrWobHC0=", SignatureEncoding.Base64,
            "44 characters of base64 (a digest base64-encoded instead of hex)", ["base64-digest"]);
        yield return Case("base64url of the raw digest", "P2pabH88uypqHg17X3rQulq0qKS0-Le24efBrWobHC0", SignatureEncoding.Base64Url,
            "43 characters of base64url (a digest base64-encoded instead of hex)", ["base64-digest"]);
        yield return Case("a trailing newline", Hex + "\n", SignatureEncoding.Hex, "64 lowercase hex digits, with whitespace around it", ["whitespace"]);
        yield return Case("JSON-encoded twice", $"\"{Hex}\"", SignatureEncoding.Unrecognized, "66 characters, neither hex nor base64: it contains '\"'", []);
        yield return Case("base64 of no digest", "b2Q1YmY0ZWQ=", SignatureEncoding.Unrecognized, "12 characters, neither hex digits nor base64 of a digest", []);
        yield return Case("only whitespace", " \n", SignatureEncoding.Empty, "only whitespace", ["whitespace"]);

        static TestCaseData Case(string name, string signature, SignatureEncoding encoding, string description, string[] causes) =>
            new TestCaseData(signature, encoding, description, causes).SetName($"Each_form_has_one_description_and_its_causes({name})");
    }

    [TestCaseSource(nameof(Forms))]
    public void Each_form_has_one_description_and_its_causes(string signature, SignatureEncoding encoding, string description, string[] causes)
    {
        var form = SignatureForm.Of(signature);

        form.Encoding.ShouldBe(encoding);
        form.Description.ShouldBe(description);
        form.Causes.ShouldBe(causes);
        form.Details.Count.ShouldBe(causes.Length);
        form.IsWellFormed.ShouldBeFalse();
        form.Problem.ShouldBe($"the signature is malformed: {description}; Kayako accepts only 64 lowercase hex digits, hex(HMAC-SHA256), with nothing around them");
    }

    [Test]
    public void Only_64_lowercase_hex_digits_are_well_formed()
    {
        var form = SignatureForm.Of(Hex);

        form.IsWellFormed.ShouldBeTrue();
        form.Problem.ShouldBeNull();
        form.Causes.ShouldBeEmpty();
        form.DigestLength.ShouldBe(32);
    }

    [Test]
    public void The_empty_string_is_empty_not_malformed()
    {
        var form = SignatureForm.Of("");

        form.IsEmpty.ShouldBeTrue();
        form.Problem.ShouldBe("the signature is empty: the backend sent nothing (or the page never received it); Kayako accepts only 64 lowercase hex digits, hex(HMAC-SHA256), with nothing around them");
    }

    [TestCase("12345", "not a string but 12345")]
    [TestCase("null", "not a string but null")]
    [TestCase("{\"$type\":\"function\"}", "not a string but an object")]
    public void A_json_value_that_is_not_a_string_is_named_by_its_json(string json, string description)
    {
        var form = SignatureForm.Of(System.Text.Json.JsonDocument.Parse(json).RootElement);

        form.Encoding.ShouldBe(SignatureEncoding.NotAString);
        form.Description.ShouldBe(description);
    }

    [Test]
    public void The_hex_digest_base64_encoded_as_text_is_told_from_a_raw_sha512_digest()
    {
        var form = SignatureForm.Of(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Hex)));

        form.DigestLength.ShouldBe(32);
        form.Causes.ShouldBe(["base64-digest"]);
        form.Details.ShouldBe(["sent the hex digest's text base64-encoded"]);
    }
}
