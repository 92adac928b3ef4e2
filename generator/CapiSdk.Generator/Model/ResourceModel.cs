namespace CapiSdk.Generator.Model;

/// <summary>One served version of one CRD kind: everything the emitter needs, and nothing from YAML or Roslyn.</summary>
internal sealed record ResourceModel(
    string FilePath,
    int Line,
    string Namespace,
    string SupportNamespace,
    string ClientName,
    string Group,
    string Version,
    string Kind,
    string ListKind,
    string Plural,
    string Singular,
    bool Namespaced,
    bool Storage,
    bool Served,
    bool Deprecated,
    EquatableArray<string> ShortNames,
    EquatableArray<string> Categories,
    bool HasStatusSubresource,
    ObjectTypeModel Root,
    EquatableArray<TypeModel> Types)
{
    /// <summary>
    /// The element type of <c>status.conditions</c> when another kind of the namespace holds it (equal shapes share
    /// one type, emitted with the kind that uses it first), so this kind can still implement <c>IHasConditions</c>.
    /// </summary>
    public ObjectTypeModel? SharedConditionType { get; init; }

    /// <summary>The group/version string written in <c>apiVersion</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The C# name of the list type.</summary>
    public string ListTypeName => Root.Name + "List";

    /// <summary>A key that identifies this resource version across all files: the same kind in two namespaces is two types.</summary>
    public string Key => Namespace + ":" + Group + "/" + Version + "/" + Kind;
}
