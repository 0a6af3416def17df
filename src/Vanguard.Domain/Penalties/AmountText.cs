using System.Globalization;

namespace Vanguard.Domain.Penalties;

/// <summary>Numbers in explanations: "3 400 kg", "1 500 元" / "3,400 kg", "1,500 yuan"; fen shown only when not whole yuan.</summary>
internal static class AmountText
{
    private static readonly NumberFormatInfo Zh = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };
    private static readonly NumberFormatInfo En = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    public static string YuanZh(long fen) => $"{Yuan(fen, Zh)} 元";

    public static string YuanEn(long fen) => $"{Yuan(fen, En)} yuan";

    public static string KgZh(long kg) => $"{kg.ToString("#,0", Zh)} kg";

    public static string KgEn(long kg) => $"{kg.ToString("#,0", En)} kg";

    public static string MetresZh(int mm) => (mm / 1000m).ToString("0.00#", Zh) + " 米";

    public static string MetresEn(int mm) => (mm / 1000m).ToString("0.00#", En) + " m";

    public static string RangeZh(long? min, long? max) => (min, max) switch
    {
        (null or 0, { } hi) => $"{YuanZh(hi)}以下",
        ({ } lo, null) => $"{YuanZh(lo)}以上",
        ({ } lo, { } hi) => $"{YuanZh(lo)}以上 {YuanZh(hi)}以下",
        _ => "（无罚款幅度）",
    };

    public static string RangeEn(long? min, long? max) => (min, max) switch
    {
        (null or 0, { } hi) => $"up to {YuanEn(hi)}",
        ({ } lo, null) => $"at least {YuanEn(lo)}",
        ({ } lo, { } hi) => $"{YuanEn(lo)} to {YuanEn(hi)}",
        _ => "(no fine range)",
    };

    private static string Yuan(long fen, NumberFormatInfo format) => fen % 100 == 0
        ? (fen / 100).ToString("#,0", format)
        : (fen / 100m).ToString("#,0.00", format);
}
