using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Transparency.Dataset.Schema;

/// <summary>The fixed forms of text values, and the code lists they are checked against.</summary>
public static partial class Formats
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    [GeneratedRegex("^T[0-9]{4}(\\.[0-9]{3})?$")]
    public static partial Regex DisarmTechnique();

    /// <summary>ISO 3166-1 alpha-2 (2024), plus XK (Kosovo), which disclosers use although ISO has not assigned it.</summary>
    public static readonly FrozenSet<string> Countries = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
        KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
        MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
        UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>ISO 639-1.</summary>
    public static readonly FrozenSet<string> Languages = """
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es
        et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki
        kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no
        nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te
        tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The ISO 4217 currencies that ad-spend figures are reported in; extend by review when a source uses another.</summary>
    public static readonly FrozenSet<string> Currencies = """
        USD EUR GBP RUB CNY INR BRL CAD AUD JPY KRW TRY ILS SAR AED EGP NGN ZAR MXN PHP IDR MYR THB UAH PLN CHF SEK NOK DKK
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
        && !value.Any(char.IsWhiteSpace);

    /// <summary>Parses YYYY, YYYY-MM or YYYY-MM-DD into a <see cref="PartialDate"/>; null when malformed or not a real date.</summary>
    public static PartialDate? ParseDate(string value)
    {
        // By hand rather than with a regular expression: every record has a dozen dates, and the match
        // objects were a measurable share of what the compiler allocates.
        if (value.Length is not (4 or 7 or 10) || !TryDigits(value, 0, 4, out var year) || year < 1900)
        {
            return null;
        }
        if (value.Length == 4)
        {
            return new PartialDate(value, DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        if (value[4] != '-' || !TryDigits(value, 5, 2, out var month) || month is < 1 or > 12)
        {
            return null;
        }
        var monthStart = new DateOnly(year, month, 1);
        if (value.Length == 7)
        {
            return new PartialDate(value, DatePrecision.Month, monthStart, monthStart.AddMonths(1).AddDays(-1));
        }
        if (value[7] != '-' || !TryDigits(value, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var date = new DateOnly(year, month, day);
        return new PartialDate(value, DatePrecision.Day, date, date);
    }

    private static bool TryDigits(string text, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
            number = (number * 10) + (text[i] - '0');
        }
        return true;
    }
}

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>A date known to a year, a month or a day, with the first and last day it can mean.</summary>
public sealed record PartialDate(string Text, DatePrecision Precision, DateOnly Earliest, DateOnly Latest)
{
    public string PrecisionName => Precision.ToString().ToLowerInvariant();
}
