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
}

internal sealed class PyListNode(long offset, byte opcode) : PyNode(offset, opcode)
{
    public List<object?> Items { get; } = [];
}

internal sealed class PyDictNode(long offset, byte opcode) : PyNode(offset, opcode)
{
    /// <summary>Entries in insertion order; a repeated key overwrites in place, as Python's dict does.</summary>
    public List<KeyValuePair<object, object?>> Entries { get; } = [];

    public bool AllKeysAreStrings { get; private set; } = true;

    private Dictionary<object, int>? _index;

    public void Set(object key, object? value)
    {
        _index ??= [];
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
}

internal sealed class PyGlobalNode(long offset, byte opcode, PyCallable callable, string name) : PyNode(offset, opcode)
{
    public PyCallable Callable { get; } = callable;

    public string Name { get; } = name;
}
