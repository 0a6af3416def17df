using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Performance;

internal static class PerformanceErrors
{
    public static readonly Error CatalogueNotFound = Error.NotFound(
        "performance.catalogue_not_found", "该指标体系版本不存在。", "No such catalogue version.");

    public static readonly Error CatalogueFrozen = Error.Conflict(
        "performance.catalogue_frozen", "该指标体系版本已发布，不能再修改；如需调整请新建版本。",
        "A published catalogue version is frozen; create a new version to change it.");

    public static readonly Error NoPublishedCatalogue = Error.Conflict(
        "performance.no_published_catalogue", "尚无已发布的指标体系，不能评分。", "No catalogue is published yet; nothing can be scored.");

    public static readonly Error RunNotFound = Error.NotFound(
        "performance.run_not_found", "该月份的评分结果不存在。", "No such scoring run.");

    public static readonly Error RunFrozen = Error.Conflict(
        "performance.run_frozen", "该评分版本已发布或已被替代，不能再发布。", "That run is already published or superseded.");

    public static readonly Error MonthNotOver = Error.Conflict(
        "performance.month_not_over", "该月份尚未结束，不能评分。", "The month is not over yet; it cannot be scored.");

    public static readonly Error ScoreNotFound = Error.NotFound(
        "performance.score_not_found", "该单位在此次评分中没有得分记录，或不在您的管辖范围内。",
        "No score of that agency in the run, or the agency is outside your jurisdiction.");

    public static readonly Error ObjectionNotFound = Error.NotFound(
        "performance.objection_not_found", "该质疑不存在或不在您的管辖范围内。", "No such objection in your jurisdiction.");

    public static readonly Error ObjectionDecided = Error.Conflict(
        "performance.objection_decided", "该质疑已处理，不能再次处理。", "The objection has been decided already.");

    public static readonly Error ObjectionExists = Error.Conflict(
        "performance.objection_exists", "本单位对该项扣分已有待处理的质疑。", "Your agency already has a pending objection to that deduction.");

    public static readonly Error NothingToObject = Error.Conflict(
        "performance.nothing_to_object", "该指标在此次评分中没有扣分，无需质疑。", "That indicator lost no points in the run; there is nothing to object to.");

    public static readonly Error NotPublishedRun = Error.Conflict(
        "performance.run_not_published", "只能对当前已发布的评分结果提出质疑。", "Objections are raised against the current published run only.");

    public static readonly Error ConcurrentUpdate = Error.Conflict(
        "performance.concurrent_update", "数据已被他人修改，请刷新后重试。", "Someone else changed it meanwhile; reload and try again.");
}
