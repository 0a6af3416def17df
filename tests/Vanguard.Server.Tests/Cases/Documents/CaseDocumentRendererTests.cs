using UglyToad.PdfPig;
using Vanguard.Server.Modules.Cases.Documents;

namespace Vanguard.Server.Tests.Cases.Documents;

public sealed class CaseDocumentRendererTests
{
    private static readonly CaseDocumentRenderer Renderer = new();

    public static TheoryData<CaseDocumentKind> Kinds() => new(Enum.GetValues<CaseDocumentKind>());

    private static (string Text, int Pages, string[] PageTexts) Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => p.Text).ToArray();
        return (string.Concat(pages), document.NumberOfPages, pages);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EachKind_ShowsTitleCaseNumberAndFieldValue(CaseDocumentKind kind)
    {
        var pdf = Renderer.Render(CaseDocumentSamples.Of(kind));

        var (text, _, _) = Read(pdf);
        text.ShouldContain(kind.Title());
        text.ShouldContain(CaseDocumentSamples.CaseNumber);
        text.ShouldContain(CaseDocumentSamples.FieldValue(kind));
        text.ShouldContain(CaseDocumentSamples.Agency);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EachKind_StaysSmallBecauseFontsAreSubset(CaseDocumentKind kind)
    {
        var pdf = Renderer.Render(CaseDocumentSamples.Of(kind));

        pdf.Length.ShouldBeLessThan(300 * 1024);
        pdf.Length.ShouldBeGreaterThan(1024);
    }

    [Fact]
    public void Render_PenaltyDecision_PrintsReviewAndLitigationPeriods()
    {
        var (text, _, _) = Read(Renderer.Render(CaseDocumentSamples.Of(CaseDocumentKind.PenaltyDecision)));

        text.ShouldContain("六十日内向郑州市人民政府申请行政复议");
        text.ShouldContain("六个月内依法向郑州市中原区人民法院提起行政诉讼");
        text.ShouldContain("罚款人民币柒仟元整（￥7,000.00）");
        text.ShouldContain("2026年11月26日");
    }

    [Fact]
    public void Render_ViolationNotice_PrintsStatementAndHearingRights()
    {
        var (text, _, _) = Read(Renderer.Render(CaseDocumentSamples.Of(CaseDocumentKind.ViolationNotice)));

        text.ShouldContain("享有陈述、申辩的权利");
        text.ShouldContain("三日内");
        text.ShouldContain("有权要求听证");
        text.ShouldContain("五日内");
    }

    [Fact]
    public void Render_OnePage_HasNoPageNumbers()
    {
        var (text, pages, _) = Read(Renderer.Render(CaseDocumentSamples.Of(CaseDocumentKind.HearingNotice)));

        pages.ShouldBe(1);
        text.ShouldNotContain("共 1 页");
    }

    [Fact]
    public void Render_LongBody_WrapsOntoSecondPageWithPageNumbers()
    {
        var sample = CaseDocumentSamples.Of(CaseDocumentKind.PenaltyDecision);
        var longFacts = string.Concat(Enumerable.Repeat("经查，当事人所属车辆多次在本辖区公路上违法超限运输，严重破坏公路设施，危及交通安全。", 20));
        var data = sample with { Paragraphs = [longFacts, .. sample.Paragraphs] };

        var (_, pages, pageTexts) = Read(Renderer.Render(data));

        pages.ShouldBe(2);
        pageTexts[0].ShouldContain("第 1 页 共 2 页");
        pageTexts[1].ShouldContain("第 2 页 共 2 页");
        pageTexts[1].ShouldContain("2026年11月26日");
        pageTexts[1].ShouldContain("强制执行", customMessage: "the seal and date never stand alone on a page");
    }

    [Fact]
    public void Render_LongTableRow_SplitsAcrossPagesAndKeepsClearOfTheFooter()
    {
        var sample = CaseDocumentSamples.Of(CaseDocumentKind.FilingRecord);
        var summary = string.Concat(Enumerable.Repeat("经查，该车辆在本辖区多次违法超限运输。", 60)) + "案情完。";
        var data = sample with { Fields = [.. sample.Fields.Select(f => f.Label == "简要案情" ? f with { Value = summary } : f)] };

        using var document = PdfDocument.Open(Renderer.Render(data));

        document.NumberOfPages.ShouldBe(2);
        document.GetPage(2).Text.ShouldContain("案情完。");
        foreach (var page in document.GetPages())
        {
            var contentBottom = PageLayout.PageHeight - PageLayout.Bottom;
            var below = page.Letters.Where(l => l.BoundingBox.Top < contentBottom - 0.5);
            string.Concat(below.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal)
                .ShouldBe($"第{page.Number}页共2页");
        }
    }

    [Fact]
    public void Render_FullLinesOfAParagraph_AreFlushWithTheRightMargin()
    {
        var sample = CaseDocumentSamples.Of(CaseDocumentKind.HearingNotice);
        var paragraph = string.Concat(Enumerable.Repeat("车辆豫A12345于2026年11月20日经检测超限14,500千克（超限率29.6%）。", 6));
        var data = sample with { Fields = [], Paragraphs = [paragraph], RightsNotice = [], AgencySeal = null };

        using var document = PdfDocument.Open(Renderer.Render(data));

        var lines = document.GetPage(1).Letters
            .Where(l => l.Value.Trim().Length > 0)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .Where(g => g.Count() > 20)
            .Select(g => g.Max(l => l.EndBaseLine.X))
            .ToList();
        lines.Count.ShouldBeGreaterThan(3);
        lines.SkipLast(1).ShouldAllBe(right => right > PageLayout.Right - 2 && right <= PageLayout.Right + 0.5);
    }

    [Fact]
    public void Render_LongText_NeverPassesTheRightMargin()
    {
        var sample = CaseDocumentSamples.Of(CaseDocumentKind.FilingRecord);
        var summary = string.Concat(Enumerable.Repeat("车辆豫A12345于2026年11月20日（星期五）经检测超限14,500千克，“超限率”29.6%；", 12));
        var data = sample with { Fields = [.. sample.Fields, new DocumentField("补充说明", summary)], Paragraphs = [summary] };

        using var document = PdfDocument.Open(Renderer.Render(data));

        var right = PageLayout.Right + 0.5;
        foreach (var page in document.GetPages())
        {
            page.Letters.Where(l => l.Value.Trim().Length > 0).ShouldAllBe(l => l.BoundingBox.Right <= right);
            page.Letters.ShouldAllBe(l => l.BoundingBox.Left >= PageLayout.Left - 0.5);
        }
    }

    [Fact]
    public void Render_NameOutsideGb2312_IsDrawnWithTheFallbackFace()
    {
        var sample = CaseDocumentSamples.Of(CaseDocumentKind.ServiceReceipt);
        var data = sample with { Fields = [new DocumentField("受送达人", "王堃喆")] };

        using var document = PdfDocument.Open(Renderer.Render(data));

        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();
        var rare = letters.Single(l => l.Value == "堃");
        var common = letters.Single(l => l.Value == "王");
        rare.FontName.ShouldNotBe(common.FontName);
        string.Concat(letters.Select(l => l.Value)).ShouldContain("王堃喆");
    }

    [Fact]
    public async Task Render_FromSeveralThreads_GivesTheSameText()
    {
        var kinds = Enum.GetValues<CaseDocumentKind>();
        var expected = kinds.ToDictionary(k => k, k => Read(Renderer.Render(CaseDocumentSamples.Of(k))).Text);

        var results = await Task.WhenAll(Enumerable.Range(0, 4 * kinds.Length).Select(i => Task.Run(
            () =>
            {
                var kind = kinds[i % kinds.Length];
                return (kind, Read(Renderer.Render(CaseDocumentSamples.Of(kind))).Text);
            },
            TestContext.Current.CancellationToken)));

        foreach (var (kind, text) in results)
        {
            text.ShouldBe(expected[kind]);
        }
    }

    [Fact]
    public void Renderer_CreatedTwiceWithTheSameFonts_SharesTheRegistration()
    {
        var second = new CaseDocumentRenderer(new CaseDocumentFontOptions());

        Read(second.Render(CaseDocumentSamples.Of(CaseDocumentKind.ServiceReceipt))).Text.ShouldContain("送达回证");
    }

    [Fact]
    public void Renderer_WithMissingSerifFont_NamesTheDebianPackage()
    {
        var options = new CaseDocumentFontOptions { SerifFontPath = "/nonexistent/gbsn00lp.ttf" };

        var error = Should.Throw<FileNotFoundException>(() => new CaseDocumentRenderer(options));

        error.Message.ShouldContain("fonts-arphic-gbsn00lp");
        error.Message.ShouldContain("/nonexistent/gbsn00lp.ttf");
    }

    [Fact]
    public void Renderer_WithMissingSansFont_NamesTheDebianPackage()
    {
        var options = new CaseDocumentFontOptions { SansFontPath = "/nonexistent/wqy-microhei.ttc" };

        var error = Should.Throw<FileNotFoundException>(() => new CaseDocumentRenderer(options));

        error.Message.ShouldContain("fonts-wqy-microhei");
    }

    [Fact]
    public void Renderer_WithOtherFontsAfterRegistration_IsRefused()
    {
        _ = Renderer;
        var options = new CaseDocumentFontOptions { SansFontPath = null };

        Should.Throw<InvalidOperationException>(() => new CaseDocumentRenderer(options)).Message.ShouldContain("already registered");
    }

    [Fact]
    public void Sha256Hex_IsLowerCaseHexOfTheBytes()
    {
        CaseDocumentRenderer.Sha256Hex("abc"u8.ToArray())
            .ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public void Samples_WrittenToTmpForLooking_FitTheirPages()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vanguard-docs");
        Directory.CreateDirectory(folder);
        foreach (var kind in Enum.GetValues<CaseDocumentKind>())
        {
            var pdf = Renderer.Render(CaseDocumentSamples.Of(kind));
            File.WriteAllBytes(Path.Combine(folder, $"{kind}.pdf"), pdf);
        }

        var filing = CaseDocumentSamples.Of(CaseDocumentKind.FilingRecord);
        var summary = string.Concat(Enumerable.Repeat("经查，该车辆在本辖区多次违法超限运输。", 60));
        File.WriteAllBytes(Path.Combine(folder, "FilingRecord-long-row.pdf"), Renderer.Render(filing with
        {
            Fields = [.. filing.Fields.Select(f => f.Label == "简要案情" ? f with { Value = summary } : f)],
        }));
        var notice = CaseDocumentSamples.Of(CaseDocumentKind.HearingNotice);
        File.WriteAllBytes(Path.Combine(folder, "HearingNotice-rare-name.pdf"), Renderer.Render(notice with
        {
            Fields = [new DocumentField("当事人", "王堃喆"), new DocumentField("身份证件号码", "410102198003150019")],
        }));

        // The forms and notices fit one page, like the printed templates; a decision may run over.
        foreach (var kind in Enum.GetValues<CaseDocumentKind>().Where(k => k != CaseDocumentKind.PenaltyDecision))
        {
            Read(File.ReadAllBytes(Path.Combine(folder, $"{kind}.pdf"))).Pages.ShouldBe(1, kind.ToString());
        }
    }
}

public sealed class TrueTypeFaceTests
{
    [Fact]
    public void Load_FaceOfACollection_IsAStandAloneTrueTypeFont()
    {
        var sans = TrueTypeFace.Load(CaseDocumentFontOptions.DebianSansPath, 0);

        sans.Data.AsSpan(0, 4).ToArray().ShouldBe(new byte[] { 0, 1, 0, 0 });
        sans.Covers('堃').ShouldBeTrue();
        sans.Covers('A').ShouldBeTrue();
    }

    [Fact]
    public void Load_Gb2312Font_LacksCharactersOutsideGb2312()
    {
        var serif = TrueTypeFace.Load(CaseDocumentFontOptions.DebianSerifPath, 0);

        serif.Covers('王').ShouldBeTrue();
        serif.Covers('〔').ShouldBeTrue();
        serif.Covers('￥').ShouldBeTrue();
        serif.Covers('堃').ShouldBeFalse();
        serif.Covers(0xA5).ShouldBeFalse();
    }

    [Fact]
    public void Load_FaceIndexBeyondTheCollection_IsRefused()
    {
        Should.Throw<InvalidDataException>(() => TrueTypeFace.Load(CaseDocumentFontOptions.DebianSansPath, 7));
    }
}
