using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>
/// Turns paired Jepsen operations into histories for the models, in the forms Knossos and
/// Porcupine test data use:
/// <list type="bullet">
/// <item>register: <c>:read</c> (value read on :ok), <c>:write v</c>; cas-register adds
/// <c>:cas [old new]</c>. Register values are compared as canonical EDN (1 and "1" differ).</item>
/// <item>kv: <c>:get</c>/<c>:read</c>, <c>:put</c>/<c>:write</c>, <c>:append</c>, value
/// <c>[key value]</c> (or <c>{:key k :value v}</c>; a bare key for a get invocation); in
/// Porcupine's form the key is the event's own <c>:key</c> and <c>:value</c> is the string. Keys
/// and values are compared as plain text (strings unquoted, keywords without colon).</item>
/// </list>
/// </summary>
public static class JepsenHistories
{
    /// <summary>A read/write register history (<paramref name="allowCas"/>: with compare-and-set).</summary>
    public static History<RegisterInput<string>, RegisterOutput<string>> ToRegister(IReadOnlyList<JepsenOperation> operations, bool allowCas)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new History<RegisterInput<string>, RegisterOutput<string>>(operations.Select(op =>
        {
            var (input, output) = op.F switch
            {
                "read" or "r" => (RegisterInput<string>.Read(), RegisterOutput<string>.Read(Canonical(op.CompletionValue))),
                "write" or "w" => (RegisterInput<string>.Write(Canonical(op.InvokeValue)!), RegisterOutput<string>.Written),
                "cas" when allowCas => CasOf(op),
                "cas" => throw Unsupported(op, "the register model has no :cas; use the cas-register model"),
                _ => throw Unsupported(op, allowCas ? "a cas-register knows :read, :write and :cas" : "a register knows :read and :write"),
            };
            return ToOperation(op, input, output);
        }));
    }

    /// <summary>A key-value history (get/put/append on string keys) in the Jepsen form, or in Porcupine's when operations carry <c>:key</c>.</summary>
    public static History<KeyValueInput, string?> ToKeyValue(IReadOnlyList<JepsenOperation> operations) =>
        ToKeyValue(operations, HistoryFormat.Auto);

    /// <summary>A key-value history (get/put/append on string keys) in <paramref name="format"/>.</summary>
    public static History<KeyValueInput, string?> ToKeyValue(IReadOnlyList<JepsenOperation> operations, HistoryFormat format)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var porcupine = HistoryFormats.Resolve(format, operations) == HistoryFormat.Porcupine;
        return new History<KeyValueInput, string?>(operations.Select(op =>
        {
            if (porcupine)
            {
                return PorcupineKeyValue(op);
            }

            var (key, value) = Pair(op, op.InvokeValue, allowBareKey: op.F is "get" or "read");
            var kind = KindOf(op);

            if (kind != KeyValueOperationKind.Get && value is null)
            {
                throw Unsupported(op, $":{op.F} needs a value: [key value]");
            }

            string? output = null;
            if (kind == KeyValueOperationKind.Get && op.Status == OperationStatus.Ok)
            {
                var (seenKey, seen) = Pair(op, op.CompletionValue ?? EdnNil.Instance, allowBareKey: false);
                if (!string.Equals(seenKey, key, StringComparison.Ordinal))
                {
                    throw Unsupported(op, $"the completion reads key '{seenKey}' but the invocation asked for '{key}'");
                }

                output = seen;
            }

            return ToOperation(op, new KeyValueInput(kind, key, kind == KeyValueOperationKind.Get ? null : value), output);
        }));
    }

    // {:process 0, :type :invoke, :f :append, :key "2", :value "x 0 0 y"}; a get's completion carries the string read.
    private static Operation<KeyValueInput, string?> PorcupineKeyValue(JepsenOperation op)
    {
        var key = op.Key is null or EdnNil
            ? throw Unsupported(op, "Porcupine's key-value form names the key in :key, e.g. {:process 0, :type :invoke, :f :get, :key \"1\", :value nil}")
            : KeyText(op, op.Key);
        var kind = KindOf(op);
        var value = op.InvokeValue.ToPlainString();
        if (kind != KeyValueOperationKind.Get && value is null)
        {
            throw Unsupported(op, $":{op.F} needs a :value");
        }

        var output = kind == KeyValueOperationKind.Get && op.Status == OperationStatus.Ok ? op.CompletionValue?.ToPlainString() : null;
        return ToOperation(op, new KeyValueInput(kind, key, kind == KeyValueOperationKind.Get ? null : value), output);
    }

    private static KeyValueOperationKind KindOf(JepsenOperation op) => op.F switch
    {
        "get" or "read" => KeyValueOperationKind.Get,
        "put" or "write" => KeyValueOperationKind.Put,
        "append" => KeyValueOperationKind.Append,
        _ => throw Unsupported(op, "a key-value store knows :get, :put and :append"),
    };

    private static Operation<TInput, TOutput> ToOperation<TInput, TOutput>(JepsenOperation op, TInput input, TOutput output) =>
        new(op.Id, op.Process, input, op.Status == OperationStatus.Ok ? output : default, op.InvokedAt, op.CompletedAt, op.Status);

    private static (RegisterInput<string>, RegisterOutput<string>) CasOf(JepsenOperation op)
    {
        if (op.InvokeValue is not EdnSequence { Items.Count: 2 } pair)
        {
            throw Unsupported(op, $":cas needs [old new], found {JepsenHistoryReader.Shorten(op.InvokeValue)}");
        }

        return (RegisterInput<string>.Cas(Canonical(pair.Items[0])!, Canonical(pair.Items[1])!), RegisterOutput<string>.Swapped);
    }

    private static (string Key, string? Value) Pair(JepsenOperation op, EdnValue value, bool allowBareKey)
    {
        switch (value)
        {
            case EdnSequence { Items.Count: 2 } pair when pair is EdnVector or EdnList:
                return (KeyText(op, pair.Items[0]), pair.Items[1].ToPlainString());
            case EdnMap map when (map.Get("key") ?? map.Get("k")) is { } key:
                return (KeyText(op, key), (map.Get("value") ?? map.Get("v"))?.ToPlainString());
            case EdnString or EdnKeyword or EdnInteger or EdnSymbol when allowBareKey:
                return (KeyText(op, value), null);
            default:
                throw Unsupported(op, $"expected [key value] or {{:key k, :value v}}, found {JepsenHistoryReader.Shorten(value)}");
        }
    }

    private static string KeyText(JepsenOperation op, EdnValue key) =>
        key.ToPlainString() ?? throw Unsupported(op, "a key cannot be nil");

    private static string? Canonical(EdnValue? value) => value is null or EdnNil ? null : value.ToString();

    private static JepsenHistoryException Unsupported(JepsenOperation op, string message) =>
        new("jepsen.unsupported-operation", $"process {op.Process} :{op.F} {JepsenHistoryReader.Shorten(op.InvokeValue)}: {message}", op.InvokeLine);
}
