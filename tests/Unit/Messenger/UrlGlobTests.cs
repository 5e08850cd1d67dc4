using System.Text.RegularExpressions;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Messenger;

public sealed class UrlGlobTests
{
    [TestCase("https://*.kayakocdn.com/messenger**", "https://acme.kayakocdn.com/messenger", true)]
    [TestCase("https://*.kayakocdn.com/messenger**", "https://acme.kayakocdn.com/messenger/messenger.js?v=3", true)]
    [TestCase("https://*.kayakocdn.com/messenger**", "https://a.b.kayakocdn.com/messenger", true)]
    [TestCase("https://*.kayakocdn.com/messenger**", "https://evil.com/x/.kayakocdn.com/messenger", false)]
    [TestCase("https://*.kayakocdn.com/messenger**", "http://acme.kayakocdn.com/messenger", false)]
    [TestCase("https://cdn.example.com/chat/{kayako,messenger}.js", "https://cdn.example.com/chat/messenger.js", true)]
    [TestCase("https://cdn.example.com/chat/{kayako,messenger}.js", "https://cdn.example.com/chat/other.js", false)]
    [TestCase("https://cdn.example.com/m.js?v=1", "https://cdn.example.com/m.js?v=1", true)]
    [TestCase("https://cdn.example.com/m.js?v=1", "https://cdn.example.com/m.jsXv=1", false)]
    public void A_glob_matches_the_urls_playwright_routes_would(string glob, string url, bool matches)
    {
        // The source is handed to JavaScript's RegExp; .NET's reads these constructs the same way.
        Regex.IsMatch(url, UrlGlob.ToRegexSource(glob), RegexOptions.None, TimeSpan.FromSeconds(1)).ShouldBe(matches);
    }
}
