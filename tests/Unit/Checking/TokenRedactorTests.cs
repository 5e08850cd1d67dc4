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
    public void A_short_token_is_masked_where_it_stands_alone_and_not_inside_words_or_its_short_encodings()
    {
        // The hex of "k" is "6b", which turns up in any hex digest by chance, and "k" itself in "token".
        var redactor = new TokenRedactor("k");

        redactor.Redact("digest 6b6B0a, token kk, k=1, \"k\"").ShouldBe("digest 6b6B0a, token kk, [token]=1, \"[token]\"");
        redactor.Finds("token kk 6b").ShouldBeFalse();
        redactor.Finds("key=k").ShouldBeTrue();
    }

    [Test]
    public void Redacting_twice_changes_nothing_more_even_for_a_token_the_mask_spells()
    {
        var redactor = new TokenRedactor("token");

        var once = redactor.Redact("a token, [token]");

        once.ShouldBe("a [token], [token]");
        redactor.Redact(once).ShouldBe(once);
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
