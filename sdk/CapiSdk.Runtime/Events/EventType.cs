namespace CapiSdk.Runtime.Events;

/// <summary>The <c>type</c> of a Kubernetes Event.</summary>
public enum EventType
{
    /// <summary>Something expected happened (<c>Normal</c>).</summary>
    Normal,

    /// <summary>Something went wrong or needs attention (<c>Warning</c>).</summary>
    Warning,
}
