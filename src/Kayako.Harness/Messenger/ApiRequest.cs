namespace Kayako.Harness.Messenger;

/// <summary>
/// The messenger sent a request to the snippet's <c>_settings.apiUrl</c>, which the fake Kayako API answers
/// (<see cref="CallLogEntryKind.Request"/>).
/// </summary>
/// <param name="Operation">What the messenger asked: <c>identify</c> or <c>forget</c>.</param>
/// <param name="HttpMethod">The HTTP method: <c>POST</c>.</param>
/// <param name="Url">The request's URL: <c>&lt;apiUrl&gt;/messenger/identify</c>.</param>
/// <param name="Body">
/// The request body as JSON: for <c>identify</c> the four values the page passed
/// (<c>{"name":…,"email":…,"signature":…,"timestamp":…}</c>), for <c>forget</c> <c>{}</c>.
/// </param>
public sealed record ApiRequest(string Operation, string HttpMethod, string Url, string Body) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Request;

    /// <inheritdoc />
    public override string Summary => $"{Operation}: {HttpMethod} {Url} {Body}";
}
