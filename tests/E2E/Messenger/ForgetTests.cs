using Kayako.Harness.Messenger;
using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class ForgetTests(string form) : EmbedFormPageTest(form)
{
    private const string Token = "e2e-forget-token";
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    protected override MessengerOptions ConfigureMessenger(MessengerOptions defaults) => defaults with { Token = Token, ApiLatency = Latency };

    [Test]
    public async Task Logout_forgets_then_signs_out_in_the_documented_order()
    {
        // Arrange
        await SignInAsync("Ada Lovelace", "ada@example.com");

        // Act
        await Page.ClickAsync("#logout");
        await Page.WaitForURLAsync("**/signed-out.html");

        // Assert
        var log = Messenger.CallLog.Entries;
        var identifyRequest = log.OfType<ApiRequest>().Single(e => e.Operation == "identify");
        var forgetRequest = log.OfType<ApiRequest>().Single(e => e.Operation == "forget");
        var forgetResponse = log.OfType<ApiResponse>().Single(e => e.Operation == "forget");
        var callback = log.OfType<ForgetCallbackRan>().Single();
        var signOut = log.OfType<Navigation>().Single(e => e.Url.EndsWith("signed-out.html", StringComparison.Ordinal));
        new CallLogEntry[] { identifyRequest, forgetRequest, forgetResponse, callback, signOut }.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        Session.Identity.ShouldBeNull();
    }

    [Test]
    public async Task Forgets_callback_waits_for_the_request_to_complete()
    {
        // Arrange
        await SignInAsync("Ada Lovelace", "ada@example.com");

        // Act
        await Page.ClickAsync("#logout");
        var callback = await Messenger.CallLog.WaitForAsync<ForgetCallbackRan>(_ => true, TimeSpan.FromSeconds(5));

        // Assert
        var request = Messenger.CallLog.Entries.OfType<ApiRequest>().Single(e => e.Operation == "forget");
        (callback.Timestamp - request.Timestamp).ShouldBeGreaterThanOrEqualTo(Latency - TimeSpan.FromMilliseconds(20));
    }

    [Test]
    public async Task A_second_user_after_logout_is_identified_with_nothing_of_the_first_left()
    {
        // Arrange
        await SignInAsync("Ada Lovelace", "ada@example.com");
        await Page.ClickAsync("#logout");
        await Page.WaitForURLAsync("**/signed-out.html");
        var second = Messenger.CallLog.Entries.Count;

        // Act
        await SignInAsync("Charles Babbage", "charles@example.com");

        // Assert
        Session.Identity.ShouldBe(new MessengerIdentity("Charles Babbage", "charles@example.com", IdentityVerification.Valid));
        var afterLogout = Messenger.CallLog.Entries.Skip(second).Select(e => e.ToString()).ToList();
        afterLogout.ShouldNotContain(line => line.Contains("ada@example.com", StringComparison.Ordinal));
        afterLogout.ShouldContain(line => line.Contains("charles@example.com", StringComparison.Ordinal));
    }

    private async Task SignInAsync(string name, string email)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = MessengerSignature.Compute(name, email, Token, timestamp);
        var identified = Messenger.Events.Count(e => e == "identified");
        await Page.GotoAsync(FormUrl(AccountPage.Path(name, email, signature, timestamp)));
        var seen = 0;
        await Messenger.CallLog.WaitForAsync<MessengerEvent>(e => e.Name == "identified" && ++seen > identified, TimeSpan.FromSeconds(5));
    }
}
