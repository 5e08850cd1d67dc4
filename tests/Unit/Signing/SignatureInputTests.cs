using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.Tests.Signing;

public sealed class SignatureInputTests
{
    [Test]
    public void ToString_leaves_the_token_out()
    {
        var input = new SignatureInput("Ann", "ann@example.com", "SECRET-token-9d1", 1700000000);

        var text = input.ToString();

        text.ShouldNotContain("SECRET-token-9d1");
        text.ShouldContain("Token = (hidden)");
        text.ShouldContain("Ann");
    }

    [Test]
    public void Json_escapes_are_read_as_javascript_reads_them()
    {
        var input = SignatureInputJson.Parse("""{"name":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00\ud800","email":"e","token":"k","timestamp":-5}"""u8);

        input.Name.ShouldBe("a\"b\\c/d\n\té\U0001F600\uD800");
        input.Timestamp.ShouldBe(-5);
    }

    [Test]
    public void Json_text_after_the_object_is_an_error()
    {
        var error = Should.Throw<SignatureInputFormatException>(() => SignatureInputJson.Parse("""{"name":"a","email":"e","token":"k","timestamp":1} {}"""u8));

        error.Message.ShouldContain("put one object on each line");
    }
}
