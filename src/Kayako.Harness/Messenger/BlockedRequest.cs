namespace Kayako.Harness.Messenger;

/// <summary>
/// A request to a Kayako host that the harness does not fake, aborted so that Kayako's servers are never
/// contacted (<see cref="CallLogEntryKind.BlockedRequest"/>).
/// </summary>
/// <param name="HttpMethod">The HTTP method.</param>
/// <param name="Url">The URL requested.</param>
public sealed record BlockedRequest(string HttpMethod, string Url) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.BlockedRequest;

    /// <inheritdoc />
    public override string Summary => $"{HttpMethod} {Url}";
}
