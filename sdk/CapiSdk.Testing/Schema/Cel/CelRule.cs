using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;

namespace CapiSdk.Testing.Schema.Cel;

/// <summary>One compiled <c>x-kubernetes-validations</c> entry: rule, message, messageExpression, reason, fieldPath, optionalOldSelf.</summary>
internal sealed partial class CelRule
{
    private static readonly CelEnvironment Environment = CreateEnvironment();
    private static readonly Lock CompileLock = new();

    // Compiling is slow (an ANTLR parse and expression-tree build) and CRDs repeat rules (Cluster API has one rule
    // 24 times), so programs are shared by expression text across rules and servers.
    private static readonly ConcurrentDictionary<string, CelProgramDelegate> Compiled = new(StringComparer.Ordinal);

    private readonly CelProgramDelegate _program;
    private readonly CelProgramDelegate? _messageExpression;

    private CelRule(string rule, CelProgramDelegate program, CelProgramDelegate? messageExpression, JsonObject spec)
    {
        Rule = rule;
        _program = program;
        _messageExpression = messageExpression;
        Message = ((string?)spec["message"])?.Trim() ?? "";
        Reason = (string?)spec["reason"];
        FieldPath = ((string?)spec["fieldPath"])?.TrimStart('.');
        OptionalOldSelf = spec["optionalOldSelf"]?.GetValue<bool>() == true;
        UsesOldSelf = OldSelf().IsMatch(WithoutStrings(rule));
    }

    public string Rule { get; }
    public string Message { get; }
    public string? Reason { get; }
    public string? FieldPath { get; }
    public bool OptionalOldSelf { get; }

    /// <summary>A transition rule: evaluated only on updates that have an old value (unless optionalOldSelf).</summary>
    public bool UsesOldSelf { get; }

    /// <summary>The message when the rule fails and no messageExpression answers: the message, or "failed rule: {rule}".</summary>
    public string DefaultMessage => Message.Length > 0 ? Message : $"failed rule: {Rule.Trim()}";

    /// <summary>How the rule is named in runtime errors: its message if it has one, else its text.</summary>
    public string ErrorName => Message.Length > 0 ? Message : Rule.Trim();

    /// <summary>Compiles one entry; <paramref name="where"/> names it in the error when it cannot be compiled.</summary>
    /// <exception cref="FormatException">The rule (or messageExpression) does not parse or calls a function this evaluator does not have.</exception>
    public static CelRule Compile(JsonObject spec, string where)
    {
        var rule = (string?)spec["rule"] ?? throw new FormatException($"{where}.rule: Required value");
        var program = CompileExpression(rule, $"{where}.rule");
        var messageExpression = (string?)spec["messageExpression"] is { Length: > 0 } m ? CompileExpression(m, $"{where}.messageExpression") : null;
        return new CelRule(rule, program, messageExpression, spec);
    }

    /// <summary>Evaluates the rule: true (passes), false (fails), or throws <see cref="CelEvaluationException"/>.</summary>
    public bool Evaluate(IDictionary<string, object?> variables)
    {
        object? result;
        try
        {
            result = _program(variables);
        }
        catch (Exception e)
        {
            throw new CelEvaluationException(Describe(e), e);
        }
        return result switch
        {
            bool b => b,
            _ when result?.GetType().Name == "CelNoSuchField" => throw new CelEvaluationException("no such key"),
            _ => throw new CelEvaluationException($"rule did not evaluate to a boolean but to {result ?? "null"}"),
        };
    }

    /// <summary>The messageExpression's message, or null when there is none or it fails, is not a string, is empty or has line breaks (the real server then uses the message).</summary>
    public string? EvaluateMessage(IDictionary<string, object?> variables)
    {
        if (_messageExpression is null)
        {
            return null;
        }
        try
        {
            return _messageExpression(variables) is string s && s.Trim() is { Length: > 0 } t && !t.Contains('\n', StringComparison.Ordinal) ? t : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static CelProgramDelegate CompileExpression(string expression, string where)
    {
        foreach (Match call in Call().Matches(WithoutStrings(expression)))
        {
            var name = call.Groups[1].Value;
            if (!CelLibrary.Names.Contains(name))
            {
                throw new FormatException($"{where}: Invalid value: \"{expression}\": compilation failed: the function '{name}' is not supported by CapiSdk.Testing's CEL evaluator " +
                    $"(supported: {string.Join(", ", CelLibrary.Names.Order(StringComparer.Ordinal))}); remove the rule from the CRD given to the test server or test it against a real cluster");
            }
        }
        if (Compiled.TryGetValue(expression, out var cached))
        {
            return cached;
        }
        try
        {
            lock (CompileLock)
            {
                return Compiled.GetOrAdd(expression, Environment.Compile);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException($"{where}: Invalid value: \"{expression}\": compilation failed: {e.Message}", e);
        }
    }

    private static string Describe(Exception e)
    {
        if (NoSuchField().Match(e.Message) is { Success: true } m)
        {
            return $"no such key: {m.Groups[1].Value}";
        }
        return e.GetType().Name switch
        {
            "CelDivideByZeroException" => "division by zero",
            "CelNoSuchOverloadException" => $"no such overload: {e.Message}",
            _ => e.Message,
        };
    }

    private static CelEnvironment CreateEnvironment()
    {
        var env = new CelEnvironment(null, null);
        CelLibrary.Register(env);
        return env;
    }

    /// <summary>The expression with string literals blanked, so names inside strings are not taken for calls.</summary>
    private static string WithoutStrings(string expression) => StringLiteral().Replace(expression, "''");

    [GeneratedRegex(@"'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\boldSelf\b")]
    private static partial Regex OldSelf();

    [GeneratedRegex("field '([^']+)'")]
    private static partial Regex NoSuchField();
}
