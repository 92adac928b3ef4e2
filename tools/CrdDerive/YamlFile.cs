using YamlDotNet.RepresentationModel;

namespace CrdDerive;

/// <summary>Reads a YAML file, naming the file and the place when it is not valid YAML.</summary>
internal static class YamlFile
{
    public static YamlStream Load(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new DerivationException($"{file} is not valid YAML: {e.Message} (at {e.Start})");
        }

        return stream;
    }
}
