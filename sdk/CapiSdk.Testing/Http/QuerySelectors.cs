using CapiSdk.Testing.Selectors;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>Reads labelSelector and fieldSelector from the query string, answering 400 BadRequest when malformed.</summary>
internal static class QuerySelectors
{
    public static (LabelSelector Labels, FieldSelector Fields) Read(IQueryCollection q, ResourceRequest r)
    {
        try
        {
            return (LabelSelector.Parse(q["labelSelector"]), FieldSelector.Parse(q["fieldSelector"], r.Type.SelectableFields(r.Version)));
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest($"unable to parse requirement: {e.Message}");
        }
    }
}
