using System.Globalization;
using System.Text;
using CapiSdk.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>Serves list: selectors, limit/continue paging, resourceVersion semantics, the {Kind}List wire format.</summary>
internal static class ListResponder
{
    public static async Task WriteAsync(HttpContext ctx, ObjectStore store, ResourceRequest r, CancellationToken ct)
    {
        var q = ctx.Request.Query;
        var (labels, fields) = QuerySelectors.Read(q, r);
        var limit = long.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 0;
        var (items, revision) = store.List(r.Type.Key, r.Namespace);
        var rvText = (string?)q["resourceVersion"];
        if (!string.IsNullOrEmpty(rvText) && rvText != "0")
        {
            if (!long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv))
            {
                throw ApiException.BadRequest($"invalid resource version: {rvText}");
            }
            if (rv > revision)
            {
                throw ApiException.TooLargeResourceVersion(rv, revision);
            }
            if ((string?)q["resourceVersionMatch"] == "Exact" && rv != revision)
            {
                items = store.ListAt(r.Type.Key, r.Namespace, rv) ?? throw ApiException.Expired($"too old resource version: {rv} ({store.CompactedRevision + 1})");
                revision = rv;
            }
        }
        var start = "";
        var cont = (string?)q["continue"];
        var listRevision = revision;
        if (!string.IsNullOrEmpty(cont))
        {
            (listRevision, start) = ContinueToken.Decode(cont);
            var snapshot = store.ListAt(r.Type.Key, r.Namespace, listRevision);
            if (snapshot is not null)
            {
                items = snapshot;
            }
            else
            {
                throw ApiException.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
            }
        }
        var apiVersion = r.Type.ApiVersion(r.Version.Name);
        var matching = items.Where(o => string.CompareOrdinal(o.Key, start) > 0 && labels.Matches(o.Labels) && fields.Matches(o));
        var page = new List<StoredObject>();
        var remaining = 0L;
        foreach (var o in matching)
        {
            if (limit > 0 && page.Count >= limit)
            {
                remaining++;
                continue;
            }
            page.Add(o);
        }
        // Rendered before the first byte goes out, so a failing conversion is answered as an error, not a torn list.
        var rendered = page.Select(o => ObjectJson.Render(o, r.Type, r.Version)).ToList();
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        var body = ctx.Response.Body;
        if (TableConverter.IsWanted(ctx.Request))
        {
            var next = remaining > 0 ? ContinueToken.Encode(listRevision, page[^1].Key) : null;
            var table = TableConverter.Table(r.Type, r.Version, rendered.Select(b => System.Text.Json.Nodes.JsonNode.Parse(b)!.AsObject()), listRevision.ToString(CultureInfo.InvariantCulture), next);
            await body.WriteAsync(JsonBytes.Of(table), ct).ConfigureAwait(false);
            return;
        }
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"apiVersion\":\"{apiVersion}\",\"items\":["), ct).ConfigureAwait(false);
        for (var i = 0; i < rendered.Count; i++)
        {
            if (i > 0)
            {
                await body.WriteAsync(","u8.ToArray(), ct).ConfigureAwait(false);
            }
            await body.WriteAsync(rendered[i], ct).ConfigureAwait(false);
        }
        var meta = new StringBuilder();
        meta.Append(CultureInfo.InvariantCulture, $"\"resourceVersion\":\"{listRevision}\"");
        if (remaining > 0)
        {
            meta.Append(CultureInfo.InvariantCulture, $",\"continue\":\"{ContinueToken.Encode(listRevision, page[^1].Key)}\"");
            if (labels == Selectors.LabelSelector.Everything && fields == Selectors.FieldSelector.Everything)
            {
                meta.Append(CultureInfo.InvariantCulture, $",\"remainingItemCount\":{remaining}");
            }
        }
        await body.WriteAsync(Encoding.UTF8.GetBytes($"],\"kind\":\"{r.Type.ListKind}\",\"metadata\":{{{meta}}}}}"), ct).ConfigureAwait(false);
    }
}
