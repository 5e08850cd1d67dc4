using System.Text.Json;

namespace Kayako.Harness.Checking.Rules;

/// <summary>The shapes a signature may take: <c>''</c> (no identity verification) or 64 lowercase hex digits.</summary>
internal static class SignatureForm
{
    public static bool IsWellFormed(JsonElement? signature) =>
        signature is { ValueKind: JsonValueKind.String } s && s.GetString() is { } text &&
        (text.Length == 0 || (text.Length == Signing.MessengerSignature.Length && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')));
}
