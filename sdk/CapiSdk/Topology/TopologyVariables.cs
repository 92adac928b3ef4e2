using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Topology;

/// <summary>
/// Reads and writes a Cluster's topology variables (<c>spec.topology.variables</c>) by name, typed, in both
/// API versions. Values are JSON: strings, numbers and booleans have their own short methods
/// (<c>GetVariableString</c>, <c>GetVariableInt32</c>, <c>GetVariableBoolean</c>, <c>SetVariable(name, 3)</c>); for an
/// object, pass the <see cref="JsonTypeInfo{T}"/> of its type (from your own JSON context) to stay reflection-free.
/// </summary>
public static class TopologyVariables
{
    /// <summary>The variable's value as JSON, or null when the Cluster has no such variable.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The variable name.</param>
    public static JsonNode? GetVariable(this V1Beta2.Cluster cluster, string name) =>
        Find(cluster?.Spec?.Topology?.Variables, name, static v => v.Name)?.Value;

    /// <inheritdoc cref="GetVariable(V1Beta2.Cluster, string)"/>
    public static JsonNode? GetVariable(this V1Beta1.Cluster cluster, string name) =>
        Find(cluster?.Spec?.Topology?.Variables, name, static v => v.Name)?.Value;

    /// <summary>The variable's value read as <typeparamref name="T"/>, or default when it is absent.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The variable name.</param>
    /// <param name="type">JSON metadata of the value type.</param>
    /// <exception cref="JsonException">The value is not a <typeparamref name="T"/>.</exception>
    public static T? GetVariable<T>(this V1Beta2.Cluster cluster, string name, JsonTypeInfo<T> type) =>
        Read(cluster.GetVariable(name), type);

    /// <inheritdoc cref="GetVariable{T}(V1Beta2.Cluster, string, JsonTypeInfo{T})"/>
    public static T? GetVariable<T>(this V1Beta1.Cluster cluster, string name, JsonTypeInfo<T> type) =>
        Read(cluster.GetVariable(name), type);

    /// <summary>The variable's value when it is a JSON string, else null.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The variable name.</param>
    public static string? GetVariableString(this V1Beta2.Cluster cluster, string name) => AsString(cluster.GetVariable(name));

    /// <inheritdoc cref="GetVariableString(V1Beta2.Cluster, string)"/>
    public static string? GetVariableString(this V1Beta1.Cluster cluster, string name) => AsString(cluster.GetVariable(name));

    /// <summary>The variable's value as an <see cref="int"/>, or null when the Cluster has no such variable.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The variable name.</param>
    /// <exception cref="FormatException">The value is not a JSON number that fits an int (a string <c>"2"</c> is not).</exception>
    public static int? GetVariableInt32(this V1Beta2.Cluster cluster, string name) => As<int>(cluster.GetVariable(name), name, "an int");

    /// <inheritdoc cref="GetVariableInt32(V1Beta2.Cluster, string)"/>
    public static int? GetVariableInt32(this V1Beta1.Cluster cluster, string name) => As<int>(cluster.GetVariable(name), name, "an int");

    /// <summary>The variable's value as a <see cref="long"/>, or null when the Cluster has no such variable.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The variable name.</param>
    /// <exception cref="FormatException">The value is not a JSON number that fits a long.</exception>
    public static long? GetVariableInt64(this V1Beta2.Cluster cluster, string name) => As<long>(cluster.GetVariable(name), name, "a long");

    /// <inheritdoc cref="GetVariableInt64(V1Beta2.Cluster, string)"/>
    public static long? GetVariableInt64(this V1Beta1.Cluster cluster, string name) => As<long>(cluster.GetVariable(name), name, "a long");

    /// <summary>The variable's value as a <see cref="bool"/>, or null when the Cluster has no such variable.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The variable name.</param>
    /// <exception cref="FormatException">The value is not JSON <c>true</c> or <c>false</c> (a string <c>"true"</c> is not).</exception>
    public static bool? GetVariableBoolean(this V1Beta2.Cluster cluster, string name) => As<bool>(cluster.GetVariable(name), name, "a boolean");

    /// <inheritdoc cref="GetVariableBoolean(V1Beta2.Cluster, string)"/>
    public static bool? GetVariableBoolean(this V1Beta1.Cluster cluster, string name) => As<bool>(cluster.GetVariable(name), name, "a boolean");

    /// <summary>
    /// Sets the variable (adding it when absent); returns true when the Cluster changed, so callers write only then.
    /// </summary>
    /// <param name="cluster">The Cluster; it must use a topology (<c>spec.topology</c> set).</param>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value as JSON.</param>
    /// <exception cref="InvalidOperationException">The Cluster has no topology.</exception>
    public static bool SetVariable(this V1Beta2.Cluster cluster, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var topology = cluster.Spec?.Topology ?? throw NoTopology(cluster.Metadata?.Name);
        return Set(topology.Variables ??= new List<V1Beta2.ClusterTopologyVariable>(), name, value, static v => v.Name, static v => v.Value, static (v, x) => v.Value = x, static n => new V1Beta2.ClusterTopologyVariable { Name = n });
    }

    /// <inheritdoc cref="SetVariable(V1Beta2.Cluster, string, JsonNode?)"/>
    public static bool SetVariable(this V1Beta1.Cluster cluster, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var topology = cluster.Spec?.Topology ?? throw NoTopology(cluster.Metadata?.Name);
        return Set(topology.Variables ??= new List<V1Beta1.ClusterTopologyVariable>(), name, value, static v => v.Name, static v => v.Value, static (v, x) => v.Value = x, static n => new V1Beta1.ClusterTopologyVariable { Name = n });
    }

    /// <summary>Sets the variable to a typed value; returns true when the Cluster changed.</summary>
    /// <param name="cluster">The Cluster; it must use a topology.</param>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">JSON metadata of the value type.</param>
    public static bool SetVariable<T>(this V1Beta2.Cluster cluster, string name, T value, JsonTypeInfo<T> type) =>
        cluster.SetVariable(name, JsonSerializer.SerializeToNode(value, type));

    /// <inheritdoc cref="SetVariable{T}(V1Beta2.Cluster, string, T, JsonTypeInfo{T})"/>
    public static bool SetVariable<T>(this V1Beta1.Cluster cluster, string name, T value, JsonTypeInfo<T> type) =>
        cluster.SetVariable(name, JsonSerializer.SerializeToNode(value, type));

    /// <summary>Sets the variable to a string; returns true when the Cluster changed.</summary>
    /// <param name="cluster">The Cluster; it must use a topology.</param>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The string.</param>
    public static bool SetVariable(this V1Beta2.Cluster cluster, string name, string value) => cluster.SetVariable(name, JsonValue.Create(value));

    /// <inheritdoc cref="SetVariable(V1Beta2.Cluster, string, string)"/>
    public static bool SetVariable(this V1Beta1.Cluster cluster, string name, string value) => cluster.SetVariable(name, JsonValue.Create(value));

    /// <summary>Sets the variable to a JSON number; returns true when the Cluster changed.</summary>
    /// <param name="cluster">The Cluster; it must use a topology.</param>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The number.</param>
    public static bool SetVariable(this V1Beta2.Cluster cluster, string name, long value) => cluster.SetVariable(name, JsonValue.Create(value));

    /// <inheritdoc cref="SetVariable(V1Beta2.Cluster, string, long)"/>
    public static bool SetVariable(this V1Beta1.Cluster cluster, string name, long value) => cluster.SetVariable(name, JsonValue.Create(value));

    /// <summary>Sets the variable to JSON <c>true</c> or <c>false</c>; returns true when the Cluster changed.</summary>
    /// <param name="cluster">The Cluster; it must use a topology.</param>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The boolean.</param>
    public static bool SetVariable(this V1Beta2.Cluster cluster, string name, bool value) => cluster.SetVariable(name, JsonValue.Create(value));

    /// <inheritdoc cref="SetVariable(V1Beta2.Cluster, string, bool)"/>
    public static bool SetVariable(this V1Beta1.Cluster cluster, string name, bool value) => cluster.SetVariable(name, JsonValue.Create(value));

    private static TVariable? Find<TVariable>(IList<TVariable>? variables, string name, Func<TVariable, string?> nameOf)
        where TVariable : class =>
        variables?.FirstOrDefault(v => v is not null && string.Equals(nameOf(v), name, StringComparison.Ordinal));

    private static bool Set<TVariable>(
        IList<TVariable> variables, string name, JsonNode? value,
        Func<TVariable, string?> nameOf, Func<TVariable, JsonNode?> valueOf, Action<TVariable, JsonNode?> setValue, Func<string, TVariable> create)
        where TVariable : class
    {
        var variable = Find(variables, name, nameOf);
        if (variable is null)
        {
            variable = create(name);
            variables.Add(variable);
        }
        else if (JsonNode.DeepEquals(valueOf(variable), value))
        {
            return false;
        }

        setValue(variable, value?.DeepClone());
        return true;
    }

    private static T? Read<T>(JsonNode? node, JsonTypeInfo<T> type) => node is null ? default : node.Deserialize(type);

    private static T? As<T>(JsonNode? node, string name, string what)
        where T : struct =>
        node is null ? null
        : node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && value.TryGetValue<T>(out var result) ? result
        : throw new FormatException($"Topology variable '{name}' is {node.ToJsonString()}, not {what}.");

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static InvalidOperationException NoTopology(string? cluster) =>
        new("Cluster '" + cluster + "' has no spec.topology: topology variables exist only on Clusters created from a ClusterClass.");
}
