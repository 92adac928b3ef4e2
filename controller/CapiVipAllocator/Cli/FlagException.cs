namespace CapiVipAllocator.Cli;

/// <summary>A command-line flag that is unknown or has a bad value; the process exits with code 2.</summary>
internal sealed class FlagException(string message) : Exception(message);
