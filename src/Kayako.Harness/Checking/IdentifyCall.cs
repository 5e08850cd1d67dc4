using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>An <c>identify(name, email, signature, timestamp)</c> call, its arguments read as the page passed them.</summary>
/// <param name="Entry">The call as logged.</param>
/// <param name="Name">The name, when the first argument is a string.</param>
/// <param name="Email">The email, when the second argument is a string.</param>
/// <param name="Signature">The third argument, when given.</param>
/// <param name="Timestamp">The fourth argument, when given.</param>
internal sealed record IdentifyCall(MessengerCall Entry, string? Name, string? Email, JsonElement? Signature, JsonElement? Timestamp)
{
    public static IdentifyCall From(MessengerCall entry)
    {
        var arguments = entry.Arguments;
        return new IdentifyCall(
            entry,
            StringAt(arguments, 0),
            StringAt(arguments, 1),
            arguments.Count > 2 ? arguments[2] : null,
            arguments.Count > 3 ? arguments[3] : null);
    }

    /// <summary>The signature, when it is a string.</summary>
    public string? SignatureText => Signature is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>The timestamp as a whole number, whether passed as a number or as a string of digits.</summary>
    public long? TimestampValue => Timestamp switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>How the call reads in a message: <c>kayako.identify("Ann", …) on https://…/account</c>.</summary>
    public string Describe() => CallFormatter.Describe(Entry);

    private static string? StringAt(IReadOnlyList<JsonElement> arguments, int index) =>
        arguments.Count > index && arguments[index].ValueKind == JsonValueKind.String ? arguments[index].GetString() : null;
}
