namespace Vanguard.Domain.Common;

/// <summary>What kind of failure an <see cref="Error"/> is; the host maps it to an HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    RuleViolation,
}

/// <summary>
/// An expected failure: a stable machine code (<c>cases.notice_required</c>) with a message in Chinese
/// and in English. Exceptions are for bugs; everything a user can cause is an <see cref="Error"/>.
/// </summary>
public sealed record Error(string Code, string MessageZh, string MessageEn, ErrorKind Kind = ErrorKind.RuleViolation)
{
    /// <summary>Field-level problems (field name → errors) for validation failures.</summary>
    public IReadOnlyDictionary<string, FieldError[]> Fields { get; init; } = new Dictionary<string, FieldError[]>();

    public static Error Validation(IReadOnlyDictionary<string, FieldError[]> fields) =>
        new("validation.failed", "请求参数有误，请检查标出的字段。", "Some fields are invalid.", ErrorKind.Validation) { Fields = fields };

    public static Error NotFound(string code, string zh, string en) => new(code, zh, en, ErrorKind.NotFound);

    public static Error Conflict(string code, string zh, string en) => new(code, zh, en, ErrorKind.Conflict);

    public static Error Forbidden(string code, string zh, string en) => new(code, zh, en, ErrorKind.Forbidden);
}

/// <summary>One problem with one field.</summary>
public sealed record FieldError(string Code, string MessageZh, string MessageEn);
