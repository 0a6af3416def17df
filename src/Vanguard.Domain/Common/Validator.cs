namespace Vanguard.Domain.Common;

/// <summary>
/// Collects every field problem of a request so the caller sees all of them at once,
/// not one per round trip.
/// </summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<FieldError>> _fields = new(StringComparer.Ordinal);

    public bool IsValid => _fields.Count == 0;

    public Validator Require(string field, string? value, string nameZh, string nameEn)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required", $"{nameZh}不能为空。", $"{nameEn} is required.");
        }

        return this;
    }

    public Validator MaxLength(string field, string? value, int max, string nameZh, string nameEn)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "too_long", $"{nameZh}不能超过 {max} 个字符。", $"{nameEn} must be at most {max} characters.");
        }

        return this;
    }

    public Validator Check(bool condition, string field, string code, string messageZh, string messageEn)
    {
        if (!condition)
        {
            Add(field, code, messageZh, messageEn);
        }

        return this;
    }

    public void Add(string field, string code, string messageZh, string messageEn)
    {
        if (!_fields.TryGetValue(field, out var list))
        {
            list = [];
            _fields[field] = list;
        }

        list.Add(new FieldError(code, messageZh, messageEn));
    }

    /// <summary>A validation error about one field.</summary>
    public static Error Invalid(string field, string code, string messageZh, string messageEn)
    {
        var validator = new Validator();
        validator.Add(field, code, messageZh, messageEn);
        return validator.ToError();
    }

    public Error ToError() => Error.Validation(_fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));
}
