namespace Socrates.Core.Pickle;

/// <summary>
/// What the decoder keeps on its stack while a pickle is read: mutable containers (memo entries
/// may be shared and filled later) and references to allowed globals. <see cref="PyValueBuilder"/>
/// turns them into the value model once STOP is reached.
/// </summary>
internal abstract class PyNode(long offset, byte opcode)
{
    /// <summary>Offset of the opcode that created the node, for errors found later.</summary>
    public long Offset { get; } = offset;

    public byte Opcode { get; } = opcode;

    /// <summary>
    /// True once a memo GET has pushed this node a second time. Only shared nodes can be met
    /// twice while building the value (and so only they can close a cycle), so only they are
    /// tracked by reference.
    /// </summary>
    public bool Shared { get; set; }
}

internal sealed class PyListNode(long offset, byte opcode) : PyNode(offset, opcode)
{
    public List<object?> Items { get; } = [];
}

internal sealed class PyDictNode(long offset, byte opcode) : PyNode(offset, opcode)
{
    /// <summary>
    /// Entries in insertion order; a repeated key overwrites the value in place and keeps the first
    /// key, as Python's dict does (True and 1, False and 0 are the same key there).
    /// </summary>
    public List<KeyValuePair<object, object?>> Entries { get; } = [];

    public bool AllKeysAreStrings { get; private set; } = true;

    private Dictionary<object, int>? _index;

    public void Set(object key, object? value)
    {
        if (_index is null && Entries.Count < 8)
        {
            // Small dicts (most V1 sub-dicts): a linear scan is cheaper than an index.
            for (var i = 0; i < Entries.Count; i++)
            {
                if (PyKeyComparer.Instance.Equals(Entries[i].Key, key))
                {
                    Entries[i] = new(Entries[i].Key, value);
                    return;
                }
            }

            Entries.Add(new(key, value));
            AllKeysAreStrings &= key is string;
            return;
        }

        if (_index is null)
        {
            _index = new Dictionary<object, int>(Entries.Count * 2, PyKeyComparer.Instance);
            for (var i = 0; i < Entries.Count; i++)
            {
                _index[Entries[i].Key] = i;
            }
        }

        if (_index.TryGetValue(key, out var at))
        {
            Entries[at] = new(Entries[at].Key, value);
            return;
        }

        _index[key] = Entries.Count;
        Entries.Add(new(key, value));
        AllKeysAreStrings &= key is string;
    }
}

internal sealed class PyTupleNode(long offset, byte opcode, object?[] items) : PyNode(offset, opcode)
{
    public object?[] Items { get; } = items;
}

/// <summary>The callables a pickle of the value model may name (nothing else is ever resolved).</summary>
internal enum PyCallable
{
    DateTime,
    Date,
    Decimal,
    CodecsEncode,
    Bytes,
    ByteArray,

    /// <summary>Any other global, resolved only while <see cref="PickleFailpoints.DecodeSkipGlobalAllowList"/> is on.</summary>
    Unchecked,
}

internal sealed class PyGlobalNode(long offset, byte opcode, PyCallable callable, string name) : PyNode(offset, opcode)
{
    public PyCallable Callable { get; } = callable;

    public string Name { get; } = name;
}

/// <summary>Dict key equality as Python hashes keys: bool is an int (True == 1).</summary>
internal sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static PyKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) =>
        x is string a && y is string b ? string.Equals(a, b, StringComparison.Ordinal) : object.Equals(Normalize(x), Normalize(y));

    public int GetHashCode(object obj) => Normalize(obj)?.GetHashCode() ?? 0;

    private static object? Normalize(object? key) => key switch
    {
        bool flag => flag ? 1L : 0L,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture),
        ulong big => PickleReader.Normalize(big),
        System.Numerics.BigInteger big => PickleReader.Normalize(big),
        _ => key,
    };
}
