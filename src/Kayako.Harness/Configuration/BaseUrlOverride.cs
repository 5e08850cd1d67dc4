namespace Kayako.Harness.Configuration;

/// <summary>
/// A base URL that replaces the configuration's <c>baseUrl</c> (an environment: staging, production), with where it
/// came from for messages: <c>--base-url</c>, or <see cref="HarnessConfigurationReader.BaseUrlVariable"/>.
/// </summary>
/// <param name="Url">The URL as given; it must be absolute http or https.</param>
/// <param name="Source">Where it came from (<c>--base-url</c>, <c>KAYAKO_HARNESS_BASE_URL</c>), named by an error.</param>
public sealed record BaseUrlOverride(string Url, string Source);
