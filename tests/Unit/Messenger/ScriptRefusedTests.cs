using System.Text.RegularExpressions;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Messenger;

/// <summary>
/// Reading a Content-Security-Policy refusal of the messenger script from the browser's console error. The messages
/// are Chromium's own, as the Debian Chromium the harness runs printed them (and the wording of earlier versions).
/// </summary>
public sealed class ScriptRefusedTests
{
    private static readonly Regex[] MessengerScripts = [new(UrlGlob.ToRegexSource("https://*.kayakocdn.com/messenger**"))];

    [Test]
    public void Chromiums_current_wording_names_the_script_and_the_directive()
    {
        const string Text = "Loading the script 'https://a.kayakocdn.com/messenger/messenger.js' violates the following Content Security Policy " +
            "directive: \"script-src 'self' 'nonce-c3RyaWN0LWNzcA'\". Note that 'script-src-elem' was not explicitly set, so 'script-src' " +
            "is used as a fallback. The action has been blocked.";

        ScriptRefused.ReadConsoleError(Text, MessengerScripts)
            .ShouldBe(("https://a.kayakocdn.com/messenger/messenger.js", "script-src 'self' 'nonce-c3RyaWN0LWNzcA'"));
    }

    [Test]
    public void The_earlier_wording_is_read_too()
    {
        const string Text = "Refused to load the script 'https://a.kayakocdn.com/messenger/messenger.js' because it violates the following " +
            "Content Security Policy directive: \"script-src 'self'\". Note that 'script-src-elem' was not explicitly set, so 'script-src' is used as a fallback.";

        ScriptRefused.ReadConsoleError(Text, MessengerScripts).ShouldBe(("https://a.kayakocdn.com/messenger/messenger.js", "script-src 'self'"));
    }

    [Test]
    public void A_report_only_violation_refused_nothing()
    {
        const string Text = "Loading the script 'https://a.kayakocdn.com/messenger/messenger.js' violates the following Content Security Policy " +
            "directive: \"script-src 'self'\". Note that 'script-src-elem' was not explicitly set, so 'script-src' is used as a fallback. " +
            "The policy is report-only, so the violation has been logged but no further action has been taken.";

        ScriptRefused.ReadConsoleError(Text, MessengerScripts).ShouldBeNull();
    }

    [TestCase("Loading the script 'https://cdn.example.com/app.js' violates the following Content Security Policy directive: \"script-src 'self'\". The action has been blocked.")]
    [TestCase("Loading the image 'https://a.kayakocdn.com/messenger/x.png' violates the following Content Security Policy directive: \"img-src 'none'\". The action has been blocked.")]
    [TestCase("Uncaught TypeError: kayako.maximize is not a function")]
    public void Another_scripts_refusal_or_another_error_is_not_the_messengers(string text)
    {
        ScriptRefused.ReadConsoleError(text, MessengerScripts).ShouldBeNull();
    }
}
