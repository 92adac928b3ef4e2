using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CapiSdk.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder.</summary>
public partial class Program;
