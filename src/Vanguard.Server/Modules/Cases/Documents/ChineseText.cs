using System.Globalization;
using System.Text;

namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>Dates, amounts and periods written the way the documents write them.</summary>
public static class ChineseText
{
    private const string Digits = "零一二三四五六七八九";
    private const string CapitalDigits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] CapitalUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] CapitalGroups = ["", "万", "亿", "万亿"];
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>2026年11月26日: GB/T 9704-2012 7.3.5.1 writes the date of a document in Arabic numerals, unpadded.</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>2026年11月26日9时30分, in China Standard Time (UTC+8) whatever the offset of the value.</summary>
    public static string DateAndTime(DateTimeOffset moment)
    {
        var local = moment.ToOffset(ChinaStandardTime);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{local.Year}年{local.Month}月{local.Day}日{local.Hour}时{local.Minute:00}分");
    }

    /// <summary>A count of days or months in words, as the legal texts write periods: 5 → 五, 15 → 十五, 60 → 六十.</summary>
    public static string Number(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 999);
        if (value < 10)
        {
            return Digits[value].ToString();
        }

        if (value < 100)
        {
            var tens = value / 10;
            var ones = value % 10;
            return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
        }

        var rest = value % 100;
        var hundreds = Digits[value / 100] + "百";
        return rest == 0 ? hundreds : rest < 10 ? hundreds + "零" + Digits[rest] : hundreds + (rest < 20 ? "一" : "") + Number(rest);
    }

    /// <summary>
    /// 人民币伍仟元整（￥5,000.00）: the amount in capital numerals as on payment documents (支付结算办法 rules for
    /// 零 and 整), with the figures after it. Money is held in fen (ADR 0004).
    /// </summary>
    public static string Money(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        var words = new StringBuilder("人民币");
        if (yuan > 0)
        {
            words.Append(CapitalInteger(yuan)).Append('元');
        }

        if (jiao == 0 && cents == 0)
        {
            words.Append(yuan == 0 ? "零元整" : "整");
        }
        else
        {
            if (jiao > 0)
            {
                words.Append(CapitalDigits[jiao]).Append('角');
            }
            else if (yuan > 0)
            {
                words.Append('零');
            }

            if (cents > 0)
            {
                words.Append(CapitalDigits[cents]).Append('分');
            }
        }

        var figures = (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return $"{words}（￥{figures}）";
    }

    private static string CapitalInteger(long value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var words = new StringBuilder();
        var zeroPending = false;
        var groupHasDigit = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i;
            var digit = digits[i] - '0';
            if (digit == 0)
            {
                zeroPending = words.Length > 0;
            }
            else
            {
                if (zeroPending)
                {
                    words.Append('零');
                    zeroPending = false;
                }

                words.Append(CapitalDigits[digit]).Append(CapitalUnits[position % 4]);
                groupHasDigit = true;
            }

            if (position % 4 == 0)
            {
                if (groupHasDigit)
                {
                    words.Append(CapitalGroups[position / 4]);
                }

                groupHasDigit = false;
            }
        }

        return words.ToString();
    }
}
