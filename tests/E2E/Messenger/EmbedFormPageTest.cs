using Kayako.Harness.NUnit;
using Microsoft.Playwright;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>
/// Runs every spec of a derived class once per embed form (fixtures/pages/kayako-embed.js):
/// <see cref="InPage"/>, the script added to the page on window load, and <see cref="Iframe"/>, Kayako's
/// admin-panel form with the script inside the iframe <c>#kayako-messenger-frame</c>. Open pages with
/// <see cref="FormUrl"/> so they embed the messenger in the fixture's form. In both forms the top document's
/// <c>#kayako-messenger</c> is the container the states act on (the stub's own in-page, the snippet's own div
/// in the iframe form); in the iframe form the stub's UI is inside the iframe.
/// </summary>
/// <param name="form"><see cref="InPage"/> or <see cref="Iframe"/>.</param>
[TestFixture(InPage)]
[TestFixture(Iframe)]
public abstract class EmbedFormPageTest(string form) : MessengerPageTest
{
    /// <summary>The script-in-page ("newEmbedCode") form.</summary>
    public const string InPage = "in-page";

    /// <summary>Kayako's admin-panel form: the messenger script inside an about:blank iframe.</summary>
    public const string Iframe = "iframe";

    /// <summary>The embed form this fixture runs in.</summary>
    protected string Form { get; } = form is InPage or Iframe ? form : throw new ArgumentException($"Unknown embed form '{form}'.", nameof(form));

    /// <summary>
    /// The stub's own UI, which carries <c>data-kayako-state</c>: the container <c>#kayako-messenger</c> itself in
    /// the in-page form, the stub's element inside <c>#kayako-messenger-frame</c> in the iframe form.
    /// </summary>
    protected ILocator MessengerUi => Form == Iframe
        ? Page.FrameLocator("#kayako-messenger-frame").Locator("[data-kayako-state]")
        : Page.Locator("#kayako-messenger");

    /// <summary>The URL of a bundled page that embeds the messenger in <see cref="Form"/>.</summary>
    /// <param name="page">The page's path, optionally with a query string.</param>
    /// <returns>The absolute URL with <c>embed=</c> the form.</returns>
    protected string FormUrl(string page) =>
        PageUrl(page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "embed=" + Form);
}
