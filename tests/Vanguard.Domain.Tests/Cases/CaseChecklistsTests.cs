using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Cases;

public sealed class CaseChecklistsTests
{
    private static string[] RequiredCodes(string offence, CaseProcedure procedure) =>
        CaseChecklists.For(offence, procedure).Where(i => i.Required).Select(i => i.Code).ToArray();

    [Fact]
    public void OverloadOffsite_NeedsWeighingCertificatePhotosAndAnpr() =>
        new[] { "weighing_record", "device_certificate", "vehicle_photos", "anpr_image", "offsite_review_record" }
            .ShouldBeSubsetOf(RequiredCodes(OffenceCodes.OverloadMass, CaseProcedure.Offsite));

    [Fact]
    public void Ordinary_NeedsTheStandardDocuments() =>
        new[]
        {
            "on_site_record", "interview_record", "bodycam_clip", "case_filing_form", "violation_notice", "penalty_decision",
            "service_receipt", "closing_report",
        }.ShouldBeSubsetOf(RequiredCodes(OffenceCodes.OverloadMass, CaseProcedure.Ordinary));

    [Fact]
    public void Simplified_NeedsTheOnSpotDecisionAndBodyCam_NotTheOrdinaryDocuments()
    {
        var codes = RequiredCodes(OffenceCodes.UnlicensedFreight, CaseProcedure.Simplified);

        codes.ShouldBe(["on_spot_decision", "bodycam_clip"], ignoreOrder: true);
    }

    [Fact]
    public void Items_CarryChineseAndEnglishNames_AndCodesAreUnique()
    {
        foreach (var procedure in Enum.GetValues<CaseProcedure>())
        {
            var items = CaseChecklists.For(OffenceCodes.UnlicensedPassenger, procedure);
            items.Select(i => i.Code).ShouldBeUnique();
            items.ShouldAllBe(i => i.NameZh.Length > 0 && i.NameEn.Length > 0);
        }
    }

    [Fact]
    public void UnknownOffence_GetsTheGeneralListOfItsProcedure() =>
        RequiredCodes("something.else", CaseProcedure.Simplified).ShouldBe(["on_spot_decision", "bodycam_clip"], ignoreOrder: true);

    [Fact]
    public void Evaluate_ListsMissingRequiredAndOptionalSeparately()
    {
        var items = CaseChecklists.For(OffenceCodes.OverloadMass, CaseProcedure.Simplified);

        var result = CaseChecklists.Evaluate(items, new HashSet<string> { "on_spot_decision", "weighing_record", "vehicle_photos" });

        result.IsComplete.ShouldBeFalse();
        result.MissingRequired.Select(i => i.Code).ShouldBe(["bodycam_clip", "device_certificate"], ignoreOrder: true);
        result.MissingOptional.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AllRequiredPresent_IsComplete_EvenWithoutOptionalItems()
    {
        var items = CaseChecklists.For(OffenceCodes.UnlicensedPassenger, CaseProcedure.Ordinary);
        var present = items.Where(i => i.Required).Select(i => i.Code).ToHashSet();

        var result = CaseChecklists.Evaluate(items, present);

        result.IsComplete.ShouldBeTrue();
        result.MissingOptional.Select(i => i.Code).ShouldContain("passenger_statements");
    }
}
