namespace CapiVipAllocator.Demo;

/// <summary>One row of the demo's table.</summary>
internal sealed record DemoResult(string Name, string? Vip, int? Port, string? Variable, TimeSpan? Latency);
