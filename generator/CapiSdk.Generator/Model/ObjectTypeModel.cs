namespace CapiSdk.Generator.Model;

/// <summary>
/// A class for an object schema, named by <paramref name="Name"/> in its namespace and by
/// <paramref name="FullName"/> everywhere else. <paramref name="EmbeddedResource"/> marks
/// <c>x-kubernetes-embedded-resource</c>.
/// </summary>
internal sealed record ObjectTypeModel(
    string Name,
    string FullName,
    DocModel Doc,
    EquatableArray<PropertyModel> Properties,
    bool EmbeddedResource) : TypeModel(Name, Doc);
