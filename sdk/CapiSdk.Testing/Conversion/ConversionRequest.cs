using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Conversion;

/// <summary>
/// What a conversion webhook receives in a <c>ConversionReview</c> request: the apiVersion to convert to and the
/// objects to convert (each a copy, in its own apiVersion). See <see cref="CustomResourceConverter"/>.
/// </summary>
public sealed class ConversionRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="desiredApiVersion">The apiVersion to convert to, e.g. <c>cluster.x-k8s.io/v1beta2</c>.</param>
    /// <param name="objects">The objects to convert.</param>
    public ConversionRequest(string desiredApiVersion, IReadOnlyList<JsonObject> objects)
    {
        DesiredApiVersion = desiredApiVersion;
        Objects = objects;
    }

    /// <summary>The apiVersion to convert to (<c>request.desiredAPIVersion</c>).</summary>
    public string DesiredApiVersion { get; }

    /// <summary>The objects to convert (<c>request.objects</c>); the converter may change them in place and return them.</summary>
    public IReadOnlyList<JsonObject> Objects { get; }
}
