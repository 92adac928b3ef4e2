namespace CapiSdk.Testing.Schema.Cel;

/// <summary>A rule that could not be evaluated (no such key, no such overload, division by zero, …).</summary>
internal sealed class CelEvaluationException : Exception
{
    public CelEvaluationException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
