using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace CapiSdk.Yaml;

/// <summary>
/// How a plain (unquoted) YAML scalar becomes JSON, and when a string must be quoted to stay a string. Reading follows
/// the YAML 1.2 core schema (only <c>true</c>/<c>false</c> are booleans: <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>
/// stay strings), with go-yaml's octal (<c>0644</c> is 420, as kubectl reads it). Writing quotes every string that a
/// YAML 1.1 reader (kubectl's sigs.k8s.io/yaml over go-yaml v2) or a 1.2 reader would take for anything else.
/// </summary>
internal static class YamlScalars
{
    private static readonly HashSet<string> Yaml11Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~", ".inf", "-.inf", "+.inf", ".nan",
    };

    /// <summary>The JSON value of a plain scalar: null, a boolean, a number (its digits kept), or the string itself.</summary>
    /// <exception cref="FormatException">The scalar is <c>.inf</c> or <c>.nan</c>, which JSON cannot hold.</exception>
    public static JsonNode? ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                throw new FormatException($"the YAML value {value} is infinity or not-a-number, which JSON (and so Kubernetes) cannot hold; quote it to make it a string");
        }
        return Number(value) is { } number ? JsonNode.Parse(number) : JsonValue.Create(value);
    }

    /// <summary>True when <paramref name="value"/>, written plain, would be read back as something other than this string.</summary>
    public static bool NeedsQuotes(string value) =>
        value.Length == 0 || Yaml11Words.Contains(value) || ResolvePlain11Numeric(value) || ResolvePlainIsNotString(value);

    /// <summary>The JSON number text of a YAML 1.2 core int or float (and go-yaml's <c>0</c>-prefixed octal), else null.</summary>
    private static string? Number(string value)
    {
        var sign = value[0] is '-' or '+' ? value[..1] : string.Empty;
        var body = value[sign.Length..];
        if (body.Length == 0)
        {
            return null;
        }
        var negative = sign == "-" ? "-" : string.Empty;
        if (body.StartsWith("0x", StringComparison.Ordinal) && body.Length > 2 && body[2..].All(char.IsAsciiHexDigit))
        {
            return negative + BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        var octal = body.StartsWith("0o", StringComparison.Ordinal) ? body[2..] : body.Length > 1 && body[0] == '0' && body.All(char.IsAsciiDigit) ? body[1..] : null;
        if (octal is { Length: > 0 } && octal.All(c => c is >= '0' and <= '7'))
        {
            return negative + octal.Aggregate(BigInteger.Zero, (n, c) => (n * 8) + (c - '0')).ToString(CultureInfo.InvariantCulture);
        }
        if (body.All(char.IsAsciiDigit))
        {
            var digits = body.TrimStart('0');
            return negative + (digits.Length == 0 ? "0" : digits);
        }
        return Float(body) is { } f ? negative + f : null;
    }

    /// <summary>A YAML 1.2 float body (<c>1.5</c>, <c>.5</c>, <c>5.</c>, <c>1e3</c>) as JSON number text, else null.</summary>
    private static string? Float(string body)
    {
        var exponentAt = body.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var exponent = exponentAt < 0 ? string.Empty : body[(exponentAt + 1)..];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        if (!whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || whole.Length + fraction.Length == 0 || (dot < 0 && exponentAt < 0))
        {
            return null;
        }
        var exponentDigits = exponent.Length > 0 && exponent[0] is '-' or '+' ? exponent[1..] : exponent;
        if (exponentAt >= 0 && (exponentDigits.Length == 0 || !exponentDigits.All(char.IsAsciiDigit)))
        {
            return null;
        }
        whole = whole.TrimStart('0');
        var text = (whole.Length == 0 ? "0" : whole) + (fraction.Length > 0 ? "." + fraction : string.Empty);
        return exponentAt < 0 ? text : text + "e" + exponent;
    }

    private static bool ResolvePlainIsNotString(string value)
    {
        try
        {
            return ResolvePlain(value) is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    /// <summary>YAML 1.1 numbers the 1.2 core schema does not have: underscores (<c>1_000</c>), sexagesimal (<c>1:20</c>), binary.</summary>
    private static bool ResolvePlain11Numeric(string value)
    {
        var body = value.TrimStart('-', '+');
        if (body.Length == 0 || !(char.IsAsciiDigit(body[0]) || body[0] == '.'))
        {
            return false;
        }
        var compact = body.Replace("_", string.Empty, StringComparison.Ordinal);
        return compact.Length > 0 && (double.TryParse(compact, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || (compact.StartsWith("0b", StringComparison.Ordinal) && compact.Length > 2 && compact[2..].All(c => c is '0' or '1'))
            || compact.Split(':').All(part => part.Length > 0 && part.All(char.IsAsciiDigit)));
    }
}
