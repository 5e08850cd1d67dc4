using Kayako.Harness.Signing.Diagnosis;
using Shouldly;

namespace Kayako.Harness.Tests.Signing.Diagnosis;

public sealed class UnicodeFormsTests
{
    // Expected forms are Node's: "Zoë Ångström".normalize('NFD') and back, "Ngô Bảo Châu" (stacked marks),
    // Hangul "한글" (a Korean name typed on macOS arrives decomposed) and Katakana "ガ".
    [TestCase("Zo\u00EB \u00C5ngstr\u00F6m", "Zoe\u0308 A\u030Angstro\u0308m")]
    [TestCase("Ng\u00F4 B\u1EA3o Ch\u00E2u", "Ngo\u0302 Ba\u0309o Cha\u0302u")]
    [TestCase("\u1EC7", "e\u0323\u0302")]
    [TestCase("\uD55C\uAE00", "\u1112\u1161\u11AB\u1100\u1173\u11AF")]
    [TestCase("\u30AC", "\u30AB\u3099")]
    [TestCase("plain ascii", "plain ascii")]
    public void Decomposes_and_recomposes_like_node(string composed, string decomposed)
    {
        UnicodeForms.ToNfd(composed).ShouldBe(decomposed);
        UnicodeForms.ToNfc(decomposed).ShouldBe(composed);
    }
}
