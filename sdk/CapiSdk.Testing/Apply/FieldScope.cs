namespace CapiSdk.Testing.Apply;

/// <summary>Which part of an object a request may change: everything, everything but status (main endpoint with a status subresource), or only status.</summary>
internal enum FieldScope
{
    All,
    NoStatus,
    StatusOnly,
}
