namespace Kayako.Harness.Messenger;

/// <summary>The user the fake Kayako API currently knows, after an accepted <c>identify</c>.</summary>
/// <param name="Name">The name passed to <c>identify</c>.</param>
/// <param name="Email">The email passed to <c>identify</c>.</param>
/// <param name="Verification">How the signature was judged.</param>
public sealed record MessengerIdentity(string Name, string Email, IdentityVerification Verification);
