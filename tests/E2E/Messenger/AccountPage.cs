namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>URLs of the bundled account fixture, signed in as a given user.</summary>
internal static class AccountPage
{
    public static string Path(string name, string email, string signature, long timestamp) =>
        $"account.html?name={Uri.EscapeDataString(name)}&email={Uri.EscapeDataString(email)}" +
        $"&signature={Uri.EscapeDataString(signature)}&timestamp={timestamp}";
}
