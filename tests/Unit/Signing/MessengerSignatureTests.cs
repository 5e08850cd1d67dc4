using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.Tests.Signing;

public sealed class MessengerSignatureTests
{
    [Test]
    public void Compute_rejects_an_empty_token_as_a_configuration_mistake()
    {
        var error = Should.Throw<EmptyTokenException>(() => MessengerSignature.Compute("Ann", "ann@example.com", "", 1));

        error.ParamName.ShouldBe("token");
        error.Message.ShouldContain("KAYAKO_MESSENGER_TOKEN");
    }

    [TestCase(null, "e", "t")]
    [TestCase("n", null, "t")]
    [TestCase("n", "e", null)]
    public void Compute_names_the_null_argument(string? name, string? email, string? token)
    {
        var error = Should.Throw<ArgumentNullException>(() => MessengerSignature.Compute(name!, email!, token!, 1));

        error.ParamName.ShouldBe(name is null ? "name" : email is null ? "email" : "token");
    }

    [Test]
    public void Verify_accepts_only_the_exact_lowercase_digest()
    {
        var signature = MessengerSignature.Compute("Ann", "ann@example.com", "secret", 1_700_000_000);

        MessengerSignature.Verify("Ann", "ann@example.com", "secret", 1_700_000_000, signature).ShouldBeTrue();
        MessengerSignature.Verify("Ann", "ann@example.com", "secret", 1_700_000_000, signature.ToUpperInvariant()).ShouldBeFalse();
        MessengerSignature.Verify("Ann", "ann@example.com", "secret", 1_700_000_001, signature).ShouldBeFalse();
        MessengerSignature.Verify("Ann", "ann@example.com", "secret", 1_700_000_000, "").ShouldBeFalse();
    }

    [Test]
    public void The_timestamp_is_signed_as_an_invariant_decimal()
    {
        MessengerSignature.FormatTimestamp(-1).ShouldBe("-1");
        MessengerSignature.FormatTimestamp(long.MaxValue).ShouldBe("9223372036854775807");
    }
}
