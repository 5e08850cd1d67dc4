namespace Kayako.Harness.Messenger;

/// <summary>What <c>kayako.visibility()</c> returns (always lower case in the page).</summary>
public enum MessengerVisibility
{
    /// <summary><c>'hidden'</c>: <c>hide()</c> set the container's display to none.</summary>
    Hidden,

    /// <summary><c>'minimized'</c>: displayed as the launcher.</summary>
    Minimized,

    /// <summary><c>'maximized'</c>: displayed as the open chat panel.</summary>
    Maximized,
}
