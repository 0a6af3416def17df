using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Components;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

public sealed record OffenceView(
    string Code, string Name, string LegalBasis, string PenaltyBasis, string? ViolationBasis, PenaltyKind Kind, long? MinFen, long? MaxFen,
    string? Condition, int Version, DateOnly EffectiveFrom);

public sealed record ProposeRequest(
    string? OffenceCode, DateOnly? On, int? OverKg, int? HeightMm, int? WidthMm, int? LengthMm, long? IllegalGainsFen, bool Serious = false);

/// <summary>裁量基准: the offences the platform knows and the penalty it proposes for given facts, with the reasoning.</summary>
internal static class PenaltyEndpoints
{
    public static void MapPenalties(this RouteGroupBuilder api)
    {
        var penalties = api.MapGroup("/penalties").WithTags("Cases");
        penalties.MapGet("/offences", ListOffences).RequireAuthorization(Policies.Staff)
            .WithSummary("The discretion standard's rules in force on a day (default today), newest version of each offence.");
        penalties.MapPost("/propose", Propose).RequireAuthorization(Policies.Staff)
            .WithSummary("The proposed penalty for an offence and its facts, with the rule and the arithmetic.");
    }

    private static Ok<List<OffenceView>> ListOffences(DateOnly? on, TimeProvider clock)
    {
        var day = on ?? LegalClock.Today(clock);
        var rules = CaseLaw.Standard.Rules.Select(r => r.OffenceCode).Distinct()
            .Select(code => CaseLaw.Standard.Find(code, day))
            .OfType<PenaltyRule>()
            .OrderBy(r => r.OffenceCode, StringComparer.Ordinal)
            .Select(r => new OffenceView(r.OffenceCode, L.IsEnglish && r.NameEn.Length > 0 ? r.NameEn : r.NameZh, r.LegalBasis, r.PenaltyBasis,
                r.ViolationBasis, r.Kind, r.MinFen, r.MaxFen, r.ConditionZh, r.Version, r.EffectiveFrom))
            .ToList();
        return TypedResults.Ok(rules);
    }

    private static Results<Ok<CaseLaw.ProposalView>, ProblemHttpResult> Propose(ProposeRequest request, TimeProvider clock, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.OffenceCode))
        {
            return Validator.Invalid("offenceCode", "required", "违法行为代码不能为空。", "Offence code is required.").ToProblem(http);
        }

        var facts = new PenaltyFacts
        {
            OverKg = request.OverKg, HeightMm = request.HeightMm, WidthMm = request.WidthMm, LengthMm = request.LengthMm,
            IllegalGainsFen = request.IllegalGainsFen, Serious = request.Serious,
        };
        var result = CaseLaw.Standard.TryPropose(request.OffenceCode, facts, request.On ?? LegalClock.Today(clock));
        if (!result.IsSuccess)
        {
            return (result.Error! with { Kind = ErrorKind.Validation }).ToProblem(http);
        }

        var p = result.Value;
        var english = L.IsEnglish;
        return TypedResults.Ok(new CaseLaw.ProposalView(p.OffenceCode, p.Kind, p.AmountFen, p.MinFen, p.MaxFen, p.Warning, p.LegalBasis,
            english ? p.ExplanationEn : p.ExplanationZh, p.RuleVersion, null, null, null));
    }
}
