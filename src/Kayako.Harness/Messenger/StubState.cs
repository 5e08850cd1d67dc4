namespace Kayako.Harness.Messenger;

/// <summary>
/// Reads the stub's state from its own DOM, where the page's globals play no part: the messenger's UI root
/// carries <c>data-kayako-state</c> (what <c>kayako.visibility()</c> returns). It is <c>#kayako-messenger</c>
/// itself in the in-page form, and inside the snippet's <c>#kayako-messenger-frame</c> in the admin-panel form.
/// </summary>
internal static class StubState
{
    /// <summary>A function expression returning the state, or <see langword="null"/> before the messenger loaded.</summary>
    public const string Read = """
        () => {
          const container = document.getElementById('kayako-messenger');
          if (container === null) return null;
          if (container.hasAttribute('data-kayako-state')) return container.getAttribute('data-kayako-state');
          const frame = container.querySelector('#kayako-messenger-frame') || container.querySelector('iframe');
          try {
            const ui = frame && frame.contentDocument ? frame.contentDocument.querySelector('[data-kayako-state]') : null;
            return ui === null ? null : ui.getAttribute('data-kayako-state');
          } catch (error) {
            return null;
          }
        }
        """;

    /// <summary>A function expression true once the messenger has loaded.</summary>
    public const string Loaded = $"() => ({Read})() !== null";

    /// <summary>A function expression of one argument, true when the state equals it.</summary>
    public const string Is = $"expected => ({Read})() === expected";

    /// <summary>A function expression true while the page has a snippet object and the messenger has not loaded.</summary>
    public const string Waiting = $"() => window.kayako !== undefined && window.kayako !== null && ({Read})() === null";
}
