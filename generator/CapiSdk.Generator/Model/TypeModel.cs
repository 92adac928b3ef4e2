namespace CapiSdk.Generator.Model;

/// <summary>A C# type to emit beside a resource: an object or an enum.</summary>
internal abstract record TypeModel(string Name, DocModel Doc);
