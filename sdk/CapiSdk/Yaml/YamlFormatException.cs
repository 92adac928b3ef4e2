namespace CapiSdk.Yaml;

/// <summary>
/// YAML that cannot be read as Kubernetes objects: not YAML, or something JSON cannot hold (a non-scalar key,
/// <c>.inf</c>, a duplicate key). The message names the line and column.
/// </summary>
public sealed class YamlFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The parser's error.</param>
    public YamlFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
