using System.Text;
using CapiSdk.Testing.Resources;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>
/// HTTP Warning headers as the real server writes them (apimachinery util/net NewWarningHeader: code 299, agent "-",
/// the text quoted as Go's strconv.Quote does), and the deprecated-version warning of the apiextensions server.
/// </summary>
internal static class Warnings
{
    public static void Add(HttpResponse response, string text) => response.Headers.Append("Warning", "299 - " + Quote(text));

    /// <summary>For a request to a deprecated CRD version: its deprecationWarning, or the default text.</summary>
    public static void AddDeprecation(HttpResponse response, ResourceType t, ServedVersion v)
    {
        if (v.Deprecated)
        {
            Add(response, v.DeprecationWarning ?? DefaultDeprecation(t, v));
        }
    }

    /// <summary>
    /// customresource_handler.go defaultDeprecationWarning: "{group}/{version} {Kind} is deprecated", plus
    /// "; use {group}/{newer} {Kind}" naming the highest-priority served, non-deprecated version that ranks above it.
    /// </summary>
    public static string DefaultDeprecation(ResourceType t, ServedVersion v)
    {
        var message = $"{t.Group}/{v.Name} {t.Kind} is deprecated";
        var candidates = t.Versions.Where(x => x.Served && !x.Deprecated).Select(x => x.Name).Append(v.Name);
        var newer = VersionPriority.Order(candidates).TakeWhile(n => n != v.Name).FirstOrDefault();
        return newer is null ? message : message + $"; use {t.Group}/{newer} {t.Kind}";
    }

    private static string Quote(string text)
    {
        var b = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => b.Append("\\\""),
                '\\' => b.Append("\\\\"),
                '\n' => b.Append("\\n"),
                '\t' => b.Append("\\t"),
                '\r' => b.Append("\\r"),
                _ => b.Append(c),
            };
        }
        return b.Append('"').ToString();
    }
}
