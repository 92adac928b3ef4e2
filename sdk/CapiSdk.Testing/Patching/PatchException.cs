namespace CapiSdk.Testing.Patching;

/// <summary>A patch that cannot be applied; <see cref="IsTestFailure"/> marks a failed JSON patch <c>test</c> operation.</summary>
internal sealed class PatchException : Exception
{
    public PatchException(string message, bool isTestFailure = false) : base(message) => IsTestFailure = isTestFailure;

    public PatchException()
    {
    }

    public PatchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public bool IsTestFailure { get; }
}
