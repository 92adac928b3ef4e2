namespace CapiSdk.Generator.Model;

/// <summary>An extensible enum for a string schema with <c>enum</c> values.</summary>
internal sealed record EnumTypeModel(
    string Name,
    string FullName,
    DocModel Doc,
    EquatableArray<EnumMemberModel> Members) : TypeModel(Name, Doc);
