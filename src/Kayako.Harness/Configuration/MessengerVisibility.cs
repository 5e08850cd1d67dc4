namespace Kayako.Harness.Configuration;

/// <summary>What the messenger's <c>visibility()</c> reports.</summary>
public enum MessengerVisibility
{
    /// <summary>Displayed as the launcher (<c>'minimized'</c>).</summary>
    Minimized,

    /// <summary>Displayed as the open chat panel (<c>'maximized'</c>).</summary>
    Maximized,

    /// <summary>Not displayed (<c>'hidden'</c>).</summary>
    Hidden,
}
