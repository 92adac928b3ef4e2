namespace CapiSdk.Generator.Model;

/// <summary>One known value of an enum: its wire value and its C# member name.</summary>
internal sealed record EnumMemberModel(string Value, string Name);
