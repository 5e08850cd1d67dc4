using Kayako.Harness.Messenger;
using Kayako.Harness.Signing;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class IdentifyTests(string form) : EmbedFormPageTest(form)
{
    private const string Token = "e2e-messenger-token-Ω-only-for-tests";
    private const string Name = "Grace Hopper";
    private const string Email = "grace@example.com";

    protected override MessengerOptions ConfigureMessenger(MessengerOptions defaults) => defaults with { Token = Token };

    [Test]
    public async Task A_valid_signature_identifies_the_user()
    {
        // Arrange
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = MessengerSignature.Compute(Name, Email, Token, timestamp);

        // Act
        await Page.GotoAsync(FormUrl(AccountPage.Path(Name, Email, signature, timestamp)));

        // Assert
        await Messenger.ShouldFireAsync("identified");
        Session.Identity.ShouldBe(new MessengerIdentity(Name, Email, IdentityVerification.Valid));
        var response = Messenger.CallLog.Entries.OfType<ApiResponse>().Single();
        response.Status.ShouldBe(200);
        response.Body.ShouldContain("\"verification\":\"valid\"");
    }

    [Test]
    public async Task A_signature_made_for_another_email_is_rejected()
    {
        // Arrange
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = MessengerSignature.Compute(Name, "someone.else@example.com", Token, timestamp);

        // Act
        await Page.GotoAsync(FormUrl(AccountPage.Path(Name, Email, signature, timestamp)));

        // Assert
        var response = await Messenger.CallLog.WaitForAsync<ApiResponse>(_ => true, TimeSpan.FromSeconds(5));
        response.Status.ShouldBe(401);
        response.Body.ShouldContain("\"verification\":\"invalid\"");
        Session.Identity.ShouldBeNull();
        Messenger.Events.ShouldNotContain("identified");
    }

    [Test]
    public async Task A_signature_made_with_another_token_is_rejected()
    {
        // Arrange
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = MessengerSignature.Compute(Name, Email, "a-stale-token", timestamp);

        // Act
        await Page.GotoAsync(FormUrl(AccountPage.Path(Name, Email, signature, timestamp)));

        // Assert
        var response = await Messenger.CallLog.WaitForAsync<ApiResponse>(_ => true, TimeSpan.FromSeconds(5));
        response.Status.ShouldBe(401);
        Session.Identity.ShouldBeNull();
    }

    [Test]
    public async Task An_empty_signature_identifies_the_visitor_anonymously()
    {
        // Act
        await Page.GotoAsync(FormUrl("anonymous.html"));

        // Assert
        await Messenger.ShouldFireAsync("identified");
        Session.Identity.ShouldBe(new MessengerIdentity("Ada Visitor", "ada.visitor@example.com", IdentityVerification.Anonymous));
    }

    [Test]
    public async Task The_request_carries_the_arguments_exactly_as_passed_and_never_the_token()
    {
        // Arrange
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = MessengerSignature.Compute(Name, Email, Token, timestamp);

        // Act
        await Page.GotoAsync(FormUrl(AccountPage.Path(Name, Email, signature, timestamp)));
        await Messenger.ShouldFireAsync("identified");

        // Assert
        var call = Messenger.Calls.Single(c => c.Method == "identify");
        call.Arguments.Select(a => a.GetRawText()).ShouldBe([$"\"{Name}\"", $"\"{Email}\"", $"\"{signature}\"", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var request = Messenger.CallLog.Entries.OfType<ApiRequest>().Single();
        (request.Operation, request.HttpMethod).ShouldBe(("identify", "POST"));
        request.Url.ShouldEndWith("/messenger/identify");
        request.Body.ShouldBe($$"""{"name":"{{Name}}","email":"{{Email}}","signature":"{{signature}}","timestamp":{{timestamp}}}""");
        Messenger.CallLog.Describe().ShouldNotContain(Token);
        Session.Options.ToString().ShouldNotContain(Token);
    }

    [Test]
    public async Task Identified_fires_only_after_the_api_answered()
    {
        // Act
        await Page.GotoAsync(FormUrl("anonymous.html"));

        // Assert
        var identified = await Messenger.ShouldFireAsync("identified");
        var response = Messenger.CallLog.Entries.OfType<ApiResponse>().Single();
        identified.Sequence.ShouldBeGreaterThan(response.Sequence);
    }
}
