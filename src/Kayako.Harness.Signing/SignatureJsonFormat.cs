namespace Kayako.Harness.Signing;

/// <summary>
/// A JSON format built on the signature input: its fields (the four input fields and whatever else it carries) and the
/// two choices a format may make. <see cref="SignatureInputJson"/>, <see cref="Diagnosis.SignatureReportJson"/> and
/// <see cref="Contract.SignatureVectorFile"/> each declare one; <see cref="SignatureJsonReader"/> reads them all
/// by the same rules.
/// </summary>
/// <param name="What">The object as messages name it: <c>a signature input</c>.</param>
/// <param name="Fields">Every field the object may have, in the order messages list them (at most 64).</param>
internal sealed record SignatureJsonFormat(string What, IReadOnlyList<SignatureJsonField> Fields)
{
    /// <summary>
    /// Whether a timestamp written as a string of digits is taken, with a note. Only a report does: it records what a
    /// page passed to <c>identify</c>, and a page that passes <c>"1700000000"</c> is exactly what is being diagnosed.
    /// </summary>
    public bool TakesQuotedTimestamp { get; init; }

    /// <summary>A hint added to the "token is empty" message: what to do instead.</summary>
    public string EmptyTokenHint { get; init; } = "";

    /// <summary>The object's shape for messages: <c>{"name","email","token","timestamp"}</c>.</summary>
    public string Shape => "{" + string.Join(",", Fields.Select(f => $"\"{f.Name}\"")) + "}";

    /// <summary>The fields for messages: <c>"name", "email", "token" and "timestamp"</c>.</summary>
    public string FieldList =>
        string.Join(", ", Fields.Take(Fields.Count - 1).Select(f => $"\"{f.Name}\"")) + $" and \"{Fields[^1].Name}\"";

    /// <summary>Where the field named like <paramref name="field"/> is in <see cref="Fields"/>; -1 when this format has none.</summary>
    public int IndexOf(SignatureJsonField field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == field.Name)
            {
                return i;
            }
        }

        return -1;
    }
}
