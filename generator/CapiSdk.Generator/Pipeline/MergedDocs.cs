using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// The documentation of a type used at several places. A description is kept when every place has the same
/// one; a fact (bound, pattern, default, rule) only when it holds at every place, and a note says when some
/// place has more; the type's remarks list where it is used.
/// </summary>
internal static class MergedDocs
{
    private const int MaxShownPlaces = 8;
    private const string MoreValidation = "Some of the places this type is used add validation not listed here; see the property that holds it.";

    public static DocModel ForType(IReadOnlyList<TypeModel> places, bool isEnum)
    {
        var docs = places.Select(p => p.Doc).ToList();
        var paths = places.Select(p => p.Use!.Path).Distinct(StringComparer.Ordinal).ToList();
        var summary = docs.All(d => d.Summary == docs[0].Summary) ? docs[0].Summary
            : isEnum ? "The values allowed at several places of the schema (listed below)."
            : "An object used at several places of the schema (listed below).";
        var facts = Facts(docs).ToList();
        var shown = string.Join(", ", paths.Take(MaxShownPlaces).Select(p => "<c>" + Emitting.SourceWriter.EscapeXml(p) + "</c>"));
        facts.Add("Used at " + shown + (paths.Count > MaxShownPlaces ? " and " + (paths.Count - MaxShownPlaces) + " more places." : "."));
        return new DocModel(summary, facts.ToEquatableArray());
    }

    /// <summary>A property's docs over the places: the first place's description (descriptions do not split shapes) and the common facts.</summary>
    public static DocModel ForProperty(IReadOnlyList<DocModel> docs) =>
        new(docs[0].Summary, Facts(docs).ToEquatableArray());

    private static IEnumerable<string> Facts(IReadOnlyList<DocModel> docs)
    {
        var common = docs[0].Facts.Where(f => docs.All(d => d.Facts.Contains(f))).ToList();
        foreach (var fact in common)
        {
            yield return fact;
        }

        if (docs.Any(d => d.Facts.Any(f => !common.Contains(f))))
        {
            yield return MoreValidation;
        }
    }
}
