using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class UnverifiedIdentifyTests(string form) : EmbedFormPageTest(form)
{
    [Test]
    public async Task Without_a_token_a_signed_identity_is_accepted_unverified()
    {
        // Arrange: no token configured, so the signature cannot be checked either way.
        var signature = new string('a', 64);

        // Act
        await Page.GotoAsync(FormUrl(AccountPage.Path("Alan Turing", "alan@example.com", signature, 1_700_000_000)));

        // Assert
        await Messenger.ShouldFireAsync("identified");
        Session.Identity.ShouldBe(new MessengerIdentity("Alan Turing", "alan@example.com", IdentityVerification.Unverified));
    }
}
