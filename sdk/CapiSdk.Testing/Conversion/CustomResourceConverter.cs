namespace CapiSdk.Testing.Conversion;

/// <summary>
/// An in-process stand-in for a CRD conversion webhook, shaped like a <c>ConversionReview</c>: returns
/// <see cref="ConversionRequest.Objects"/> converted to <see cref="ConversionRequest.DesiredApiVersion"/>, in the
/// same order. Throw to fail the conversion: the request that needed it is answered, as by the real server,
/// 500 InternalError "conversion webhook for {group}/{version}, Kind={kind} failed: {exception message}".
/// </summary>
/// <param name="request">The desired apiVersion and the objects.</param>
/// <returns>The converted objects, one for each object in the request.</returns>
public delegate IReadOnlyList<System.Text.Json.Nodes.JsonObject> CustomResourceConverter(ConversionRequest request);
