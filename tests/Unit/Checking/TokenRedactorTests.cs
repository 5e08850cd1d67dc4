using Kayako.Harness.Signing;
using Kayako.Harness.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

public sealed class TokenRedactorTests
{
    private const string Token = "s3/cr\"et<&>é";

    // How the token reads where a browser sees it; written out by hand, not by the code under test.
    [TestCase("s3/cr\"et<&>é", TestName = "as is")]
    [TestCase("s3/cr\\\"et<&>é", TestName = "in a JSON string (JSON.stringify)")]
    [TestCase("s3\\/cr\\\"et<&>\\u00e9", TestName = "in a PHP json_encode string")]
    [TestCase("s3\\/cr\\\"et<&>é", TestName = "in a PHP json_encode string with unescaped unicode")]
    [TestCase("s3%2Fcr%22et%3C%26%3E%C3%A9", TestName = "URL-encoded")]
    [TestCase("s3/cr&quot;et&lt;&amp;&gt;é", TestName = "HTML-escaped")]
    public void The_token_is_found_and_blanked_in_every_form(string form)
    {
        var redactor = new TokenRedactor(Token);
        var text = $"before {form} after";

        redactor.Finds(text).ShouldBeTrue();
        redactor.Redact(text).ShouldBe($"before {TokenRedactor.Mask} after");
    }

    [TestCase("k'(e)y!*/", "k'(e)y!*%2F", TestName = "encodeURIComponent keeps ! ' ( ) * as they are")]
    [TestCase("k'(e)y!*/", "k%27%28e%29y%21%2A%2F", TestName = "rawurlencode escapes ! ' ( ) *")]
    public void A_token_with_characters_url_encoders_disagree_on_is_found_in_each_encoding(string token, string form)
    {
        new TokenRedactor(token).Finds($"kayako_token={form}; Path=/").ShouldBeTrue();
    }

    [Test]
    public void Without_a_token_nothing_is_found_or_changed()
    {
        var redactor = new TokenRedactor(null);

        redactor.Knows.ShouldBeFalse();
        redactor.Finds("anything").ShouldBeFalse();
        redactor.Redact("anything").ShouldBe("anything");
    }
}
