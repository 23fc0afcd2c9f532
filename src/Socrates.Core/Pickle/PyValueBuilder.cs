using System.Runtime.CompilerServices;

namespace Socrates.Core.Pickle;

/// <summary>
/// Turns the decoder's nodes into the value model: lists, tuples (object?[]), dicts
/// (Dictionary&lt;string, object?&gt; when every key is a str, else Dictionary&lt;object, object?&gt;).
/// Nodes shared through the memo stay shared (built once); a cycle, nesting beyond the limit, a tree larger than the item limit
/// (shared nodes counted every time they appear), or a global used as a value is refused.
/// </summary>
internal sealed class PyValueBuilder(PickleDecoderOptions options)
{
    private readonly Dictionary<PyNode, (object Value, long Size)> _built = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<PyNode> _onPath = new(ReferenceEqualityComparer.Instance);

    public object? Build(object? root)
    {
        try
        {
            return Build(root, 1, out _);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new PickleFormatException(
                PickleErrorCode.NestingTooDeep, 0, null, "the value nests too deeply for the thread's stack");
        }
    }

    private object? Build(object? value, int depth, out long size)
    {
        if (value is not PyNode node)
        {
            size = 1;
            return value;
        }

        if (node is PyGlobalNode global)
        {
            throw new PickleFormatException(
                PickleErrorCode.InvalidValue, node.Offset, node.Opcode, $"a reference to {global.Name} is not a value");
        }

        if (node.Shared && _built.TryGetValue(node, out var done))
        {
            size = done.Size;
            return done.Value;
        }

        if (depth > options.MaxDepth)
        {
            throw new PickleFormatException(
                PickleErrorCode.NestingTooDeep, node.Offset, node.Opcode,
                $"containers nest deeper than the limit of {options.MaxDepth}");
        }

        if (node.Shared && !_onPath.Add(node))
        {
            throw new PickleFormatException(
                PickleErrorCode.Cycle, node.Offset, node.Opcode, "a container contains itself; the value model is a tree");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        long total = 1;
        object result;
        switch (node)
        {
            case PyListNode list:
                var items = new List<object?>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    items.Add(Build(item, depth + 1, out var s));
                    total = Add(total, s, node);
                }

                result = items;
                break;
            case PyTupleNode tuple:
                var array = new object?[tuple.Items.Length];
                for (var i = 0; i < array.Length; i++)
                {
                    array[i] = Build(tuple.Items[i], depth + 1, out var s);
                    total = Add(total, s, node);
                }

                result = array;
                break;
            case PyDictNode dict when dict.AllKeysAreStrings:
                var byString = new Dictionary<string, object?>(dict.Entries.Count, StringComparer.Ordinal);
                foreach (var (key, item) in dict.Entries)
                {
                    byString[(string)key] = Build(item, depth + 1, out var s);
                    total = Add(total, Add(s, 1, node), node);
                }

                result = byString;
                break;
            case PyDictNode dict:
                var byObject = new Dictionary<object, object?>(dict.Entries.Count);
                foreach (var (key, item) in dict.Entries)
                {
                    byObject[key] = Build(item, depth + 1, out var s);
                    total = Add(total, Add(s, 1, node), node);
                }

                result = byObject;
                break;
            default:
                throw new InvalidOperationException($"Unexpected node {node.GetType().Name}.");
        }

        if (node.Shared)
        {
            _onPath.Remove(node);
            _built[node] = (result, total);
        }

        size = total;
        return result;
    }

    private long Add(long total, long more, PyNode node)
    {
        var sum = total + more;
        if (sum > options.MaxItems || sum < total)
        {
            throw new PickleFormatException(
                PickleErrorCode.TooManyItems, node.Offset, node.Opcode,
                $"the value holds more than {options.MaxItems} items (shared references counted each time)");
        }

        return sum;
    }
}
