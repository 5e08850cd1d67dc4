namespace Kayako.Harness.Messenger;

/// <summary>The stub took over the snippet's <c>window.kayako</c>: the messenger is loaded (<see cref="CallLogEntryKind.Loaded"/>).</summary>
/// <param name="ScriptUrl">The URL the messenger script was loaded from.</param>
/// <param name="ApiUrl">The snippet's <c>_settings.apiUrl</c>, where <c>identify</c> and <c>forget</c> go; <see langword="null"/> when it has none.</param>
/// <param name="MessengerUrl">The snippet's <c>_settings.messengerUrl</c>; <see langword="null"/> when it has none.</param>
/// <param name="Form">The embed form the messenger loaded in.</param>
public sealed record MessengerLoaded(string ScriptUrl, string? ApiUrl, string? MessengerUrl, MessengerEmbedForm Form) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Loaded;

    /// <inheritdoc />
    public override string Summary =>
        $"the messenger loaded from {ScriptUrl} ({(Form == MessengerEmbedForm.Iframe ? "in the snippet's iframe" : "in the page")}), " +
        $"apiUrl {ApiUrl ?? "not set"}, messengerUrl {MessengerUrl ?? "not set"}";
}
