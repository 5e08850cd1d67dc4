namespace Kayako.Harness.Messenger;

/// <summary>How the page embedded the messenger: the two snippet forms Kayako hands to sites.</summary>
public enum MessengerEmbedForm
{
    /// <summary>The script-in-page form (<c>newEmbedCode</c>): the messenger script runs in the page itself.</summary>
    InPage,

    /// <summary>
    /// The admin-panel form: the messenger script runs in the snippet's <c>about:blank</c> iframe
    /// <c>#kayako-messenger-frame</c> and drives the top page's <c>window.kayako</c>.
    /// </summary>
    Iframe,
}
