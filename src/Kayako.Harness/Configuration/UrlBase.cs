namespace Kayako.Harness.Configuration;

/// <summary>
/// What relative site and set-up URLs resolve against: the configuration's <c>baseUrl</c> or its override.
/// A relative URL without one is an error naming its JSON path; with a bad one (already reported) it is skipped.
/// </summary>
internal sealed class UrlBase(Uri? baseUrl, bool baseUrlBad)
{
    public Uri? Resolve(string text, string path, JsonReadContext context)
    {
        if (HarnessConfigurationReader.TryAbsoluteHttpUrl(text, out var absolute))
        {
            return absolute;
        }

        // "/account" parses as an absolute file: URL on Unix; it is a path here.
        if (Uri.TryCreate(text, UriKind.Absolute, out var other) && !text.StartsWith('/'))
        {
            context.Report(path, $"\"{text}\" is a {other.Scheme}: URL; give an http or https page (absolute, or relative to baseUrl), like \"https://staging.example.com/account\".");
            return null;
        }

        if (baseUrl is null)
        {
            if (!baseUrlBad)
            {
                context.Report(path, $"\"{text}\" is relative, and no base URL is given; set \"baseUrl\" in the configuration (or --base-url, or {HarnessConfigurationReader.BaseUrlVariable}), or write the URL in full, like \"https://staging.example.com/account\".");
            }

            return null;
        }

        if (Uri.TryCreate(baseUrl, text, out var resolved) && HarnessConfigurationReader.TryAbsoluteHttpUrl(resolved.AbsoluteUri, out _))
        {
            return resolved;
        }

        context.Report(path, $"\"{text}\" cannot be resolved against the base URL {baseUrl.GetLeftPart(UriPartial.Authority)}; give a path like \"/account\" or a full URL.");
        return null;
    }
}
