namespace Kayako.Harness.Signing;

/// <summary>
/// What <see cref="SignatureJsonReader"/> read from one object: each field's value (by its place in the format) and
/// every problem found, so a format can report them all at once.
/// </summary>
internal sealed class SignatureJsonObject(SignatureJsonFormat format)
{
    // A problem's text holds Slot where a value of the input goes; it is filled in when the problems are read, once
    // the object's token is known, so the token cannot come back in an error about another field.
    internal const char Slot = '\u0001';

    private readonly object?[] _values = new object?[format.Fields.Count];
    private List<(string Text, string? Value)>? _problems;

    public SignatureJsonFormat Format => format;

    /// <summary>Whether any problem was found.</summary>
    public bool HasProblems => _problems is { Count: > 0 };

    /// <summary>Every problem, one sentence each, in the order found; values of the input pass through <see cref="TokenRedactor"/>.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            if (_problems is null)
            {
                return [];
            }

            var redactor = _problems.Any(p => p.Value is not null) ? new TokenRedactor(Text(SignatureJsonField.Token)) : null;
            return _problems.Select(p => p.Value is null ? p.Text : p.Text.Replace(Slot.ToString(), redactor!.Redact(p.Value), StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>The timestamp as written when it was a string of digits (which only a report takes).</summary>
    public string? QuotedTimestamp { get; set; }

    /// <summary>A text or token field's value; <see langword="null"/> when absent, wrong, or not in the format.</summary>
    public string? Text(SignatureJsonField field) => Value(field) as string;

    /// <summary>The timestamp; <see langword="null"/> when absent or wrong.</summary>
    public long? Timestamp => Value(SignatureJsonField.Timestamp) as long?;

    /// <summary>A flag's value; <see langword="null"/> when absent or wrong.</summary>
    public bool? Flag(SignatureJsonField field) => Value(field) as bool?;

    internal void Set(int index, object value) => _values[index] = value;

    internal void Problem(string text, string? value = null) => (_problems ??= []).Add((text, value));

    private object? Value(SignatureJsonField field) => format.IndexOf(field) is >= 0 and var index ? _values[index] : null;
}
