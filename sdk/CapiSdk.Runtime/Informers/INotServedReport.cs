namespace CapiSdk.Runtime.Informers;

/// <summary>An informer that can say why it has not synced when the server does not serve its kind.</summary>
internal interface INotServedReport
{
    /// <summary>What is missing and how to install it, while the kind is not served and the informer has not synced; else null.</summary>
    string? NotServed { get; }
}
