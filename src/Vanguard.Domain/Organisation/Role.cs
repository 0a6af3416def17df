namespace Vanguard.Domain.Organisation;

/// <summary>
/// The roles of the platform. The string values are stable: they are stored, put into tokens and named in policies.
/// </summary>
public static class Role
{
    /// <summary>省级管理员: the whole province.</summary>
    public const string ProvinceAdmin = "province-admin";

    /// <summary>机构管理员: their agency and the agencies under it.</summary>
    public const string AgencyAdmin = "agency-admin";

    /// <summary>指挥中心值班员.</summary>
    public const string CommandOperator = "command-operator";

    /// <summary>办案人员.</summary>
    public const string CaseOfficer = "case-officer";

    /// <summary>法制审核人员 (行政处罚法 art. 58).</summary>
    public const string LegalReviewer = "legal-reviewer";

    /// <summary>一线执法人员.</summary>
    public const string FieldOfficer = "field-officer";

    /// <summary>第三方评估人员: reads, never changes (the speech's 常态化第三方评估).</summary>
    public const string Evaluator = "evaluator";

    /// <summary>A field device (WIM station, camera, recorder, docking station, terminal).</summary>
    public const string Device = "device";

    public static IReadOnlyList<string> All { get; } =
        [ProvinceAdmin, AgencyAdmin, CommandOperator, CaseOfficer, LegalReviewer, FieldOfficer, Evaluator, Device];

    /// <summary>Roles a person can hold (a device is not a person).</summary>
    public static IReadOnlyList<string> Staff { get; } =
        [ProvinceAdmin, AgencyAdmin, CommandOperator, CaseOfficer, LegalReviewer, FieldOfficer, Evaluator];

    public static string NameZh(string role) => role switch
    {
        ProvinceAdmin => "省级管理员",
        AgencyAdmin => "机构管理员",
        CommandOperator => "指挥中心值班员",
        CaseOfficer => "办案人员",
        LegalReviewer => "法制审核人员",
        FieldOfficer => "一线执法人员",
        Evaluator => "第三方评估人员",
        Device => "执法设备",
        _ => role,
    };
}
