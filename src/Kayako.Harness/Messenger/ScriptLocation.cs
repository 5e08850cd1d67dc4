namespace Kayako.Harness.Messenger;

/// <summary>A place in a script, as the browser reports it for an uncaught error.</summary>
/// <param name="Url">The script's URL; the page's own URL for an inline script of its markup.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public sealed record ScriptLocation(string Url, int Line, int Column)
{
    /// <summary>The location as browsers print it.</summary>
    /// <returns><c>https://example.com/app.js:12:5</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"{Url}:{Line}:{Column}");
}
