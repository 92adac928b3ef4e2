namespace CrdDerive;

/// <summary>Bad input: the message names the file or entry and what to do.</summary>
internal sealed class DerivationException(string message) : Exception(message);
