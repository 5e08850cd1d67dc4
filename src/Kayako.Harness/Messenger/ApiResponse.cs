namespace Kayako.Harness.Messenger;

/// <summary>
/// The fake Kayako API answered an <see cref="ApiRequest"/>, after <see cref="MessengerOptions.ApiLatency"/>
/// (<see cref="CallLogEntryKind.Response"/>). Logged just before the answer is delivered, so whatever the page
/// does on it comes after in the log.
/// </summary>
/// <param name="Operation">The operation answered: <c>identify</c> or <c>forget</c>.</param>
/// <param name="Status">The HTTP status: 200; for <c>identify</c> 400 (bad arguments) or 401 (a signature that does not verify).</param>
/// <param name="Body">The answer as JSON: <c>{"identified":true,"verification":"valid","error":null}</c>, <c>{"forgotten":true}</c>.</param>
public sealed record ApiResponse(string Operation, int Status, string Body) : CallLogEntry
{
    /// <summary>
    /// <see langword="false"/> on a second entry for the same request, logged when the answer could not be
    /// delivered: the page had already navigated away or closed.
    /// </summary>
    public bool Delivered { get; init; } = true;

    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Response;

    /// <inheritdoc />
    public override string Summary => Delivered
        ? FormattableString.Invariant($"{Operation}: {Status} {Body}")
        : $"{Operation}: never delivered: the page had already navigated away or closed";
}
