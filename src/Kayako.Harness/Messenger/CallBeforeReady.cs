namespace Kayako.Harness.Messenger;

/// <summary>
/// A method other than <c>ready</c> was called on the snippet's <c>window.kayako</c> before the messenger
/// loaded, and threw in the page as it does in production (<see cref="CallLogEntryKind.CallBeforeReady"/>).
/// The harness wraps nothing in the page: it learns of the call from the page's own uncaught
/// <c>TypeError: kayako.x is not a function</c>, so the arguments are unknown.
/// </summary>
/// <param name="Method">The method called: <c>maximize</c>, <c>identify</c>, ...</param>
/// <param name="Error">The error the page saw: <c>TypeError: kayako.maximize is not a function</c>.</param>
/// <param name="Where">
/// Where it was thrown; <see langword="null"/> when the browser did not say (a rejected promise).
/// </param>
public sealed record CallBeforeReady(string Method, string Error, ScriptLocation? Where) : CallLogEntry
{
    /// <summary>The error and where it was thrown: <c>TypeError: kayako.maximize is not a function (at https://…/account:3:5)</c>.</summary>
    public string Thrown => Where is null ? Error : $"{Error} (at {Where})";

    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.CallBeforeReady;

    /// <inheritdoc />
    public override string Summary => $"{Method}(…) threw {Thrown}";
}
