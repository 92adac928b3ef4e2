using System.Diagnostics;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>
/// A stand-in for the runtime-deps chiseled image, made from this machine's files: the shared libraries the binary
/// links (from ldd), libssl and libcrypto (loaded at run time for TLS, as the chiseled image ships them),
/// /etc/passwd and /etc/group with the user app (1654), and /tmp. No shell, no package manager.
/// </summary>
internal static class BaseImage
{
    public const string Repository = "capi-vip-allocator-test-base";
    private static readonly string[] TlsLibraries = ["libssl.so.3", "libcrypto.so.3"];
    private static readonly string[] LibraryDirectories = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64"];

    /// <summary>What went in: the image name and each file with its size.</summary>
    internal sealed record Contents(string Image, IReadOnlyList<(string Path, long Bytes)> Files);

    public static async Task<Contents> ImportAsync(DockerClient docker, string binary, CancellationToken ct)
    {
        var native = Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.so").Prepend(binary);
        var linked = new List<string>();
        foreach (var file in native)
        {
            linked.AddRange(await LinkedLibrariesAsync(file, ct));
        }
        var published = Path.GetDirectoryName(binary)! + "/";
        var libraries = linked.Where(l => !l.StartsWith(published, StringComparison.Ordinal)).Concat(TlsLibraries.Select(Find).OfType<string>()).Distinct().ToList();
        var files = libraries.Select(l => (Path: l, Bytes: new FileInfo(l).Length)).ToList();
        var tag = Hash(files);
        var image = $"{Repository}:{tag}";
        try
        {
            await docker.Images.InspectImageAsync(image, ct);
            return new Contents(image, files);
        }
        catch (DockerImageNotFoundException)
        {
        }
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            foreach (var dir in new[] { "etc/", "tmp/", "home/", "home/app/" }.Concat(libraries.SelectMany(Ancestors)).Distinct())
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, dir) { Mode = dir == "tmp/" ? (UnixFileMode)0b1_111_111_111 : (UnixFileMode)0b111_101_101 }, ct);
            }
            await WriteTextAsync(writer, "etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/home/app:/sbin/nologin\n", ct);
            await WriteTextAsync(writer, "etc/group", "root:x:0:\napp:x:1654:\n", ct);
            foreach (var library in libraries)
            {
                await using var data = File.OpenRead(library);
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, library.TrimStart('/')) { DataStream = data, Mode = (UnixFileMode)0b111_101_101 }, ct);
            }
        }
        tar.Position = 0;
        var errors = new List<string>();
        await docker.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = Repository, Tag = tag },
            tar, null, new SyncProgress<JSONMessage>(m => { if (!string.IsNullOrEmpty(m.ErrorMessage)) { errors.Add(m.ErrorMessage); } }), ct);
        Assert.True(errors.Count == 0, $"docker import of the test base image failed: {string.Join("; ", errors)}");
        return new Contents(image, files);
    }

    /// <summary>
    /// The libraries `ldd` resolves for the binary, the ELF interpreter included (/lib64/ld-linux-x86-64.so.2, the
    /// only line ldd prints without "=>", so it starts with a tab), at the paths ldd names; their contents are read
    /// through any symlink, so the image holds real files at those paths.
    /// </summary>
    private static async Task<IReadOnlyList<string>> LinkedLibrariesAsync(string binary, CancellationToken ct)
    {
        var start = new ProcessStartInfo("ldd", [binary]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run ldd (glibc's ldd is needed to find what the binary links)");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"ldd {binary} failed: {await process.StandardError.ReadToEndAsync(ct)}");
        return [.. output.Split('\n')
            .Select(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(part => part.StartsWith('/')))
            .OfType<string>()];
    }

    /// <summary>
    /// Every directory above a file, outermost first ("lib/", "lib/x86_64-linux-gnu/"), each written as its own entry:
    /// a directory docker import creates implicitly for a deeper entry gets mode 0600, which user app cannot traverse.
    /// </summary>
    private static IEnumerable<string> Ancestors(string file)
    {
        var parts = file.Trim('/').Split('/')[..^1];
        return parts.Select((_, i) => string.Join('/', parts[..(i + 1)]) + "/");
    }

    private static string? Find(string library) =>
        LibraryDirectories.Select(d => Path.Combine(d, library)).FirstOrDefault(File.Exists);

    private static async Task WriteTextAsync(TarWriter writer, string name, string text, CancellationToken ct)
    {
        using var data = new MemoryStream(Encoding.ASCII.GetBytes(text));
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, Mode = (UnixFileMode)0b110_100_100 }, ct);
    }

    private static string Hash(IEnumerable<(string Path, long Bytes)> files) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files.Select(f => $"{f.Path} {f.Bytes} {File.GetLastWriteTimeUtc(f.Path):O}")) + "v2")))[..16];
}
