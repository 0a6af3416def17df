using AntDesign;
using Vanguard.Domain.Cases;

namespace Vanguard.Server.Components.Shared;

/// <summary>
/// The path a case walks, for the Steps bar: the ordinary procedure 受案 → 立案调查 → 审查 → [法制审核] → 告知 →
/// 陈述申辩/听证 → 决定 → 送达 → 执行 → 结案 → 归档 (行政处罚法 arts. 54–73), the shorter on-the-spot path of the simplified
/// procedure (arts. 51–52), and where the case stands on it.
/// </summary>
public static class CaseSteps
{
    private enum Step
    {
        Received,
        Opened,
        Review,
        LegalReview,
        Notified,
        Defence,
        Decided,
        Served,
        Executing,
        Closed,
        Archived,
        OnSpot,
        OnSpotRecord,
    }

    public static (IReadOnlyList<string> Titles, int Current, StepsStatus Status) For(CaseSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var path = Path(s);
        var (at, status) = Where(s);
        var index = path.IndexOf(at);
        return (path.Select(step => Title(step, s.Procedure)).ToList(), Math.Max(0, index), status);
    }

    private static List<Step> Path(CaseSnapshot s)
    {
        if (s.Procedure == CaseProcedure.Simplified)
        {
            var simplified = new List<Step> { Step.Received, Step.OnSpot };
            if (s.DecidedFineFen is not > 0 && s.Stage != CaseStage.Lead && s.Stage != CaseStage.Dropped)
            {
                // A warning alone: nothing to pay.
                return [.. simplified, Step.OnSpotRecord, Step.Closed, Step.Archived];
            }

            return [.. simplified, Step.Executing, Step.OnSpotRecord, Step.Closed, Step.Archived];
        }

        var path = new List<Step> { Step.Received, Step.Opened, Step.Review };
        if (s.LegalReviewRequired || s.LegalReviewPassed || s.Stage == CaseStage.LegalReview)
        {
            path.Add(Step.LegalReview);
        }

        path.AddRange([Step.Notified, Step.Defence, Step.Decided, Step.Served, Step.Executing, Step.Closed, Step.Archived]);
        return path;
    }

    private static (Step At, StepsStatus Status) Where(CaseSnapshot s)
    {
        if (s.Procedure == CaseProcedure.Simplified)
        {
            return s.Stage switch
            {
                CaseStage.Lead => (Step.Received, StepsStatus.Process),
                CaseStage.Dropped => (Step.Received, StepsStatus.Error),
                CaseStage.Executing => (Step.Executing, StepsStatus.Process),
                CaseStage.Served or CaseStage.Executed when s.OnSpotRecordFiledOn is null => (Step.OnSpotRecord, StepsStatus.Process),
                CaseStage.Served or CaseStage.Executed => (Step.Closed, StepsStatus.Process),
                CaseStage.Closed => (Step.Closed, StepsStatus.Finish),
                CaseStage.Archived => (Step.Archived, StepsStatus.Finish),
                _ => (Step.OnSpot, StepsStatus.Process),
            };
        }

        return s.Stage switch
        {
            CaseStage.Lead => (Step.Received, StepsStatus.Process),
            CaseStage.Investigation => (Step.Opened, StepsStatus.Process),
            // A passed review sends the case back to 审查 (CaseWorkflow); what remains is the notice.
            CaseStage.Review when s.LegalReviewPassed => (Step.Notified, StepsStatus.Process),
            CaseStage.Review => (Step.Review, StepsStatus.Process),
            CaseStage.LegalReview => (Step.LegalReview, StepsStatus.Process),
            CaseStage.Notified when s.DefenceMade || s.StatementWaived || s.HearingWaived => (Step.Defence, StepsStatus.Process),
            CaseStage.Notified => (Step.Notified, StepsStatus.Process),
            CaseStage.Hearing => (Step.Defence, StepsStatus.Process),
            CaseStage.Decided => (Step.Decided, StepsStatus.Process),
            CaseStage.Served => (Step.Served, StepsStatus.Process),
            CaseStage.Executing => (Step.Executing, StepsStatus.Process),
            CaseStage.Executed => (Step.Closed, StepsStatus.Process),
            CaseStage.Closed => (Step.Closed, StepsStatus.Finish),
            CaseStage.Archived => (Step.Archived, StepsStatus.Finish),
            CaseStage.Dropped => (s.FiledOn is null ? Step.Received : Step.Opened, StepsStatus.Error),
        };
    }

    private static string Title(Step step, CaseProcedure procedure) => step switch
    {
        Step.Received => L.T("受案", "Received"),
        // Off-site cases rest on the reviewed device record: opened straight into review, no on-site investigation.
        Step.Opened => procedure == CaseProcedure.Offsite ? L.T("立案", "Opened") : L.T("立案调查", "Investigation"),
        Step.Review => L.T("审查", "Review"),
        Step.LegalReview => L.T("法制审核", "Legal review"),
        Step.Notified => L.T("告知", "Notice"),
        Step.Defence => L.T("陈述申辩/听证", "Defence / hearing"),
        Step.Decided => L.T("决定", "Decision"),
        Step.Served => L.T("送达", "Service"),
        Step.Executing => L.T("执行", "Execution"),
        Step.Closed => L.T("结案", "Closed"),
        Step.Archived => L.T("归档", "Archived"),
        Step.OnSpot => L.T("当场处罚", "On-the-spot decision"),
        Step.OnSpotRecord => L.T("备案", "Filed with agency"),
    };
}
