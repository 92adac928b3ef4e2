using System.Runtime.InteropServices;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Demo;
using CapiVipAllocator.Hosting;
using Microsoft.Extensions.Logging;

// capi-vip-allocator [flags] | capi-vip-allocator demo [--clusters N] [--keep]
if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(FlagParser.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(o =>
    {
        o.IncludeScopes = true;
        o.SingleLine = true;
        o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        o.UseUtcTimestamp = true;
    })
    .SetMinimumLevel(LogLevel.Information));

if (args.Length > 0 && args[0] == "demo")
{
    DemoOptions demo;
    try
    {
        demo = DemoOptions.Parse(args[1..]);
    }
    catch (FlagException e)
    {
        await Console.Error.WriteLineAsync("capi-vip-allocator demo: " + e.Message + " (flags: --clusters N, --keep)");
        return 2;
    }

    using var quiet = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
    return await DemoCommand.RunAsync(demo, Console.Out, quiet, stop.Token);
}

AllocatorOptions options;
try
{
    options = FlagParser.Parse(args);
}
catch (FlagException e)
{
    await Console.Error.WriteLineAsync("capi-vip-allocator: " + e.Message);
    await Console.Error.WriteLineAsync("Run capi-vip-allocator --help for the flags.");
    return 2;
}

try
{
    using var kubernetes = KubernetesConnection.Create(options.Kubeconfig);
    var host = new AllocatorHost(options, kubernetes, loggerFactory);
    await host.RunAsync(stop.Token);
    return 0;
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync("capi-vip-allocator: " + e.Message);
    return 1;
}
