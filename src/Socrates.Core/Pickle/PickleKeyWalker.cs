using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Socrates.Core.Pickle.Faults;
using Op = Socrates.Core.Pickle.PickleOpcodes;

namespace Socrates.Core.Pickle;

/// <summary>
/// Reads the dict keys of a pickle without building its values: it runs the same opcode machine as
/// <see cref="PickleDecoder"/> over a stack of light slots (a string is its byte range, checked to
/// be UTF-8 but never turned into a string unless it is a dict key; a datetime or Decimal is
/// checked, not built), and keeps of each container only its nesting height and, for dicts, the
/// keys (interned) and the containers they hold.
/// <para>
/// The contract, checked against the full decoder by property tests: when <see cref="Walk"/>
/// returns keys, <see cref="PickleDecoder.Decode(ReadOnlySpan{byte}, PickleDecoderOptions?)"/>
/// with the same options returns a dict with str keys, and the keys are exactly that dict's, in
/// order; the item keys are those of each str-keyed dict item of each requested list value. For
/// anything it does not settle itself (any refusal, a container referenced twice through the memo,
/// a protocol 0/1 text opcode, deep nesting, an active pickle failpoint) it returns null: the
/// caller then decodes the blob in full, so a null costs speed, never correctness.
/// </para>
/// Not thread-safe: one walker per thread; its buffers are reused from blob to blob.
/// </summary>
public sealed class PickleKeyWalker
{
    /// <summary>Deepest nesting the walker settles itself; deeper values go to the full decoder (whose recursion it need not model).</summary>
    public const int MaxSettledDepth = 100;

    private const int InternLimit = 16_384;
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly PickleDecoderOptions _options;
    private readonly List<Slot> _stack = [];
    private readonly List<int> _marks = [];
    private readonly Dictionary<long, Slot> _memo = [];
    private readonly List<Node> _nodes = [];
    private readonly List<byte[]> _heapBytes = [];
    private const int KeyCacheSize = 256;
    private readonly CachedKey?[] _keyCache = new CachedKey?[KeyCacheSize];
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internLookup;
    private char[] _chars = new char[256];
    private int _nodeCount;
    private long _pushed;
    private long _frameEnd;

    public PickleKeyWalker(PickleDecoderOptions? options = null)
    {
        _options = (options ?? PickleDecoderOptions.Default).Validate();
        _internLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The keys of the dict <paramref name="data"/> holds, and for each of <paramref name="itemListKeys"/>
    /// whose value is a list, the keys of every str-keyed dict in it; null when the walker leaves the
    /// verdict to the full decoder (see the class summary).
    /// </summary>
    public PickleDictKeys? Walk(ReadOnlySpan<byte> data, IReadOnlyCollection<string> itemListKeys)
    {
        ArgumentNullException.ThrowIfNull(itemListKeys);
        if (data.Length == 0 || data.Length > _options.MaxInputBytes || PickleFaults.WalkerSteppedAside)
        {
            return null;
        }

        Reset();
        try
        {
            return Run(data) ? Result(itemListKeys) : null;
        }
        finally
        {
            if (_nodes.Count > 4096)
            {
                _nodes.Clear(); // a huge blob does not pin its node pool for the next ones
            }

            _heapBytes.Clear();
        }
    }

    /// <inheritdoc cref="Walk(ReadOnlySpan{byte}, IReadOnlyCollection{string})"/>
    public PickleDictKeys? Walk(byte[] data, IReadOnlyCollection<string> itemListKeys)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Walk(data.AsSpan(), itemListKeys);
    }

    private void Reset()
    {
        _stack.Clear();
        _marks.Clear();
        _memo.Clear();
        _heapBytes.Clear();
        _nodeCount = 0;
        _pushed = 0;
        _frameEnd = -1;
    }

    private PickleDictKeys? Result(IReadOnlyCollection<string> itemListKeys)
    {
        var root = _stack[0];
        if (root.Kind != SlotKind.Container || _nodes[root.A] is not { Kind: NodeKind.Dict, AllKeysStrings: true } dict || dict.Height > Math.Min(_options.MaxDepth, MaxSettledDepth))
        {
            return null;
        }

        var items = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        for (var i = 0; i < dict.Keys.Count; i++)
        {
            var value = dict.Values[i];
            if (!itemListKeys.Contains(dict.Keys[i]!) || value.Kind != SlotKind.Container || _nodes[value.A] is not { Kind: NodeKind.List } list)
            {
                continue;
            }

            var found = new List<IReadOnlyList<string>>();
            foreach (var child in list.Children)
            {
                if (_nodes[child] is { Kind: NodeKind.Dict, AllKeysStrings: true } item)
                {
                    found.Add([.. item.Keys!]);
                }
            }

            items[dict.Keys[i]!] = found;
        }

        return new PickleDictKeys([.. dict.Keys!], items);
    }

    /// <summary>True when the pickle reached a valid STOP with every check the decoder makes passed.</summary>
    private bool Run(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            var opStart = pos;
            var op = data[pos++];
            switch (op)
            {
                case Op.Stop:
                    return _marks.Count == 0 && _stack.Count == 1 && pos == data.Length;
                case Op.Proto:
                    if (!Take(data, ref pos, 1, out var proto) || proto[0] is < 2 or > 5)
                    {
                        return false;
                    }

                    break;
                case Op.Frame:
                    if (!Take(data, ref pos, 8, out var frame) || _frameEnd > opStart)
                    {
                        return false;
                    }

                    var length = BinaryPrimitives.ReadUInt64LittleEndian(frame);
                    if (length > (ulong)(data.Length - pos))
                    {
                        return false;
                    }

                    _frameEnd = pos + (long)length;
                    break;
                case Op.Mark:
                    _marks.Add(_stack.Count);
                    break;
                case Op.Pop:
                    if (_stack.Count > Fence)
                    {
                        _stack.RemoveAt(_stack.Count - 1);
                    }
                    else if (!DropMark(out _))
                    {
                        return false;
                    }

                    break;
                case Op.PopMark:
                    // Discards the mark and everything pushed since, as the decoder does.
                    if (!DropMark(out var discardFrom))
                    {
                        return false;
                    }

                    _stack.RemoveRange(discardFrom, _stack.Count - discardFrom);
                    break;
                case Op.None:
                case Op.NewTrue:
                case Op.NewFalse:
                    if (!Push(op == Op.None ? Slot.None : Slot.Keyable))
                    {
                        return false;
                    }

                    break;
                case Op.BinInt:
                case Op.BinInt1:
                case Op.BinInt2:
                case Op.BinFloat:
                    var width = op switch { Op.BinInt => 4, Op.BinInt1 => 1, Op.BinInt2 => 2, _ => 8 };
                    if (!Take(data, ref pos, width, out _) || !Push(op == Op.BinFloat ? Slot.Other : Slot.Keyable))
                    {
                        return false;
                    }

                    break;
                case Op.Long1:
                    if (!Take(data, ref pos, 1, out var small) || !Take(data, ref pos, small[0], out _) || !Push(Slot.Keyable))
                    {
                        return false;
                    }

                    break;
                case Op.Long4:
                    if (!Take(data, ref pos, 4, out var count4))
                    {
                        return false;
                    }

                    var n4 = BinaryPrimitives.ReadInt32LittleEndian(count4);
                    if (n4 < 0 || !Take(data, ref pos, (ulong)n4, out _) || !Push(Slot.Keyable))
                    {
                        return false;
                    }

                    break;
                case Op.ShortBinUnicode:
                case Op.BinUnicode:
                case Op.BinUnicode8:
                case Op.ShortBinBytes:
                case Op.BinBytes:
                case Op.BinBytes8:
                case Op.ByteArray8:
                    if (!ReadSized(data, ref pos, op, out var start, out var size))
                    {
                        return false;
                    }

                    var text = op is Op.ShortBinUnicode or Op.BinUnicode or Op.BinUnicode8;
                    if (text && !Utf8.IsValid(data.Slice(start, size)))
                    {
                        return false;
                    }

                    if (!Push(new Slot(text ? SlotKind.Text : SlotKind.Bytes, start, size)))
                    {
                        return false;
                    }

                    break;
                case Op.EmptyList:
                case Op.EmptyDict:
                case Op.EmptyTuple:
                    if (!Push(NewNode(op == Op.EmptyList ? NodeKind.List : op == Op.EmptyDict ? NodeKind.Dict : NodeKind.Tuple)))
                    {
                        return false;
                    }

                    break;
                case Op.Tuple1:
                case Op.Tuple2:
                case Op.Tuple3:
                    var arity = op - Op.Tuple1 + 1;
                    if (_stack.Count - Fence < arity)
                    {
                        return false;
                    }

                    var tuple = NewNode(NodeKind.Tuple);
                    if (!Adopt(tuple.A, _stack.Count - arity) || !Push(tuple))
                    {
                        return false;
                    }

                    break;
                case Op.Tuple:
                case Op.List:
                    if (!DropMark(out var from))
                    {
                        return false;
                    }

                    var made = NewNode(op == Op.List ? NodeKind.List : NodeKind.Tuple);
                    if (!Adopt(made.A, from) || !Push(made))
                    {
                        return false;
                    }

                    break;
                case Op.Dict:
                    if (!DropMark(out var pairs))
                    {
                        return false;
                    }

                    var built = NewNode(NodeKind.Dict);
                    if (!SetItems(data, built.A, pairs) || !Push(built))
                    {
                        return false;
                    }

                    break;
                case Op.Append:
                    if (_stack.Count - Fence < 2 || !IsTop(NodeKind.List, _stack.Count - 2, out var appendTo) || !Adopt(appendTo, _stack.Count - 1))
                    {
                        return false;
                    }

                    break;
                case Op.Appends:
                    if (!DropMark(out var appended) || !IsTop(NodeKind.List, appended - 1, out var extend) || !Adopt(extend, appended))
                    {
                        return false;
                    }

                    break;
                case Op.SetItem:
                    if (_stack.Count - Fence < 3 || !IsTop(NodeKind.Dict, _stack.Count - 3, out var setOn) || !SetItems(data, setOn, _stack.Count - 2))
                    {
                        return false;
                    }

                    break;
                case Op.SetItems:
                    if (!DropMark(out var setFrom) || !IsTop(NodeKind.Dict, setFrom - 1, out var setMany) || !SetItems(data, setMany, setFrom))
                    {
                        return false;
                    }

                    break;
                case Op.Memoize:
                    if (!Remember(_memo.Count))
                    {
                        return false;
                    }

                    break;
                case Op.BinPut:
                case Op.LongBinPut:
                case Op.BinGet:
                case Op.LongBinGet:
                    var wide = op is Op.LongBinPut or Op.LongBinGet;
                    if (!Take(data, ref pos, wide ? 4 : 1, out var memoKey))
                    {
                        return false;
                    }

                    long key = wide ? BinaryPrimitives.ReadUInt32LittleEndian(memoKey) : memoKey[0];
                    if (!(op is Op.BinPut or Op.LongBinPut ? Remember(key) : Recall(key)))
                    {
                        return false;
                    }

                    break;
                case Op.Global:
                    if (!ReadLine(data, ref pos, out var module) || !ReadLine(data, ref pos, out var name) || !Push(Resolve(data, module, name)))
                    {
                        return false;
                    }

                    break;
                case Op.StackGlobal:
                    if (_stack.Count - Fence < 2 || _stack[^2].Kind != SlotKind.Text || _stack[^1].Kind != SlotKind.Text)
                    {
                        return false;
                    }

                    var owner = _stack[^2];
                    var qualified = _stack[^1];
                    _stack.RemoveRange(_stack.Count - 2, 2);
                    if (!Push(Resolve(data, (owner.A, owner.B), (qualified.A, qualified.B))))
                    {
                        return false;
                    }

                    break;
                case Op.Reduce:
                    if (_stack.Count - Fence < 2)
                    {
                        return false;
                    }

                    var arguments = _stack[^1];
                    var callable = _stack[^2];
                    _stack.RemoveRange(_stack.Count - 2, 2);
                    if (!Push(Reduce(data, callable, arguments)))
                    {
                        return false;
                    }

                    break;
                default:
                    // INT, LONG, PUT, GET (protocol 0/1 text operands) and everything outside the value model: the decoder's call.
                    return false;
            }
        }

        return false; // the data ended before STOP
    }

    private int Fence => _marks.Count == 0 ? 0 : _marks[^1];

    private bool Push(Slot slot)
    {
        if (slot.Kind == SlotKind.Refused || ++_pushed > _options.MaxItems)
        {
            return false;
        }

        _stack.Add(slot);
        return true;
    }

    private bool DropMark(out int start)
    {
        start = 0;
        if (_marks.Count == 0)
        {
            return false;
        }

        start = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        return true;
    }

    /// <summary>Whether the slot at <paramref name="index"/> (above the fence) is a container of <paramref name="kind"/>.</summary>
    private bool IsTop(NodeKind kind, int index, out int node)
    {
        node = -1;
        if (index < Fence || index < 0)
        {
            return false;
        }

        var slot = _stack[index];
        if (slot.Kind != SlotKind.Container || _nodes[slot.A].Kind != kind)
        {
            return false;
        }

        node = slot.A;
        return true;
    }

    private static bool Take(ReadOnlySpan<byte> data, ref int pos, ulong count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (count > (ulong)(data.Length - pos))
        {
            return false;
        }

        bytes = data.Slice(pos, (int)count);
        pos += (int)count;
        return true;
    }

    private static bool Take(ReadOnlySpan<byte> data, ref int pos, int count, out ReadOnlySpan<byte> bytes) => Take(data, ref pos, (ulong)count, out bytes);

    private static bool ReadSized(ReadOnlySpan<byte> data, ref int pos, byte op, out int start, out int size)
    {
        start = size = 0;
        ulong length;
        switch (op)
        {
            case Op.ShortBinUnicode or Op.ShortBinBytes:
                if (!Take(data, ref pos, 1, out var one))
                {
                    return false;
                }

                length = one[0];
                break;
            case Op.BinUnicode or Op.BinBytes:
                if (!Take(data, ref pos, 4, out var four))
                {
                    return false;
                }

                length = BinaryPrimitives.ReadUInt32LittleEndian(four);
                break;
            default:
                if (!Take(data, ref pos, 8, out var eight))
                {
                    return false;
                }

                length = BinaryPrimitives.ReadUInt64LittleEndian(eight);
                break;
        }

        start = pos;
        if (!Take(data, ref pos, length, out _))
        {
            return false;
        }

        size = (int)length;
        return true;
    }

    /// <summary>The decoder's text operand: a line of at most MaxNumberDigits + 1 characters, strict UTF-8.</summary>
    private bool ReadLine(ReadOnlySpan<byte> data, ref int pos, out (int Start, int Length) line)
    {
        line = default;
        var rest = data[pos..];
        var window = rest[..Math.Min(rest.Length, _options.MaxNumberDigits + 2)];
        var end = window.IndexOf((byte)'\n');
        if (end < 0 || !Utf8.IsValid(window[..end]))
        {
            return false;
        }

        line = (pos, end);
        pos += end + 1;
        return true;
    }

    private Slot NewNode(NodeKind kind)
    {
        if (_nodeCount == _nodes.Count)
        {
            _nodes.Add(new Node());
        }

        var node = _nodes[_nodeCount];
        node.Reset(kind);
        return new Slot(SlotKind.Container, _nodeCount++, 0);
    }

    /// <summary>Moves the stack's slots from <paramref name="from"/> up into list or tuple <paramref name="node"/>.</summary>
    private bool Adopt(int node, int from)
    {
        var parent = _nodes[node];
        for (var i = from; i < _stack.Count; i++)
        {
            if (!Attach(parent, _stack[i]))
            {
                return false;
            }
        }

        _stack.RemoveRange(from, _stack.Count - from);
        return true;
    }

    /// <summary>A value becomes part of <paramref name="parent"/>: its height counts; a global there is refused.</summary>
    private bool Attach(Node parent, Slot value)
    {
        switch (value.Kind)
        {
            case SlotKind.Global:
                return false; // the decoder refuses a global used as a value (or cannot apply REDUCE to it)
            case SlotKind.Container:
                var child = _nodes[value.A];
                parent.Height = Math.Max(parent.Height, child.Height + 1);
                if (parent.Kind != NodeKind.Dict)
                {
                    parent.Children.Add(value.A);
                }

                return true;
            default:
                if (parent.Kind == NodeKind.Tuple)
                {
                    parent.Scalars.Add(value);
                }

                return true;
        }
    }

    /// <summary>Key/value pairs from the stack (from <paramref name="from"/> up) into dict <paramref name="node"/>, as the decoder's SetItems.</summary>
    private bool SetItems(ReadOnlySpan<byte> data, int node, int from)
    {
        var count = _stack.Count - from;
        if (count % 2 != 0)
        {
            return false;
        }

        var dict = _nodes[node];
        for (var i = from; i < _stack.Count; i += 2)
        {
            var key = _stack[i];
            if (key.Kind is not (SlotKind.Text or SlotKind.Keyable))
            {
                return false; // dict keys must be str, int or bool
            }
        }

        for (var i = from; i < _stack.Count; i += 2)
        {
            var key = _stack[i];
            var value = _stack[i + 1];
            if (!Attach(dict, value))
            {
                return false;
            }

            if (key.Kind != SlotKind.Text)
            {
                // An int/bool key: the dict is not a str-keyed one; its keys are no longer needed.
                dict.AllKeysStrings = false;
                continue;
            }

            if (!dict.AllKeysStrings)
            {
                continue;
            }

            var name = Intern(data.Slice(key.A, key.B));
            var at = dict.IndexOf(name);
            if (at >= 0)
            {
                dict.Values[at] = value; // a repeated key keeps its place and takes the new value, as in Python
            }
            else
            {
                dict.Add(name, value);
            }
        }

        _stack.RemoveRange(from, count);
        return true;
    }

    private string Intern(ReadOnlySpan<byte> utf8)
    {
        // V1 repeats a few dozen keys in every blob: a direct-mapped cache by UTF-8 bytes answers
        // most of them without decoding or hashing the characters.
        var slot = utf8.Length is > 0 and <= 64 ? ((utf8.Length * 31) + utf8[0] + (utf8[^1] * 7)) & (KeyCacheSize - 1) : -1;
        if (slot >= 0 && _keyCache[slot] is { } cached && utf8.SequenceEqual(cached.Utf8))
        {
            return cached.Text;
        }

        var text = InternSlow(utf8);
        if (slot >= 0)
        {
            _keyCache[slot] = new CachedKey(utf8.ToArray(), text);
        }

        return text;
    }

    private string InternSlow(ReadOnlySpan<byte> utf8)
    {
        var needed = s_strictUtf8.GetMaxCharCount(utf8.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var chars = _chars.AsSpan(0, s_strictUtf8.GetChars(utf8, _chars));
        if (_internLookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = new string(chars);
        if (_interned.Count < InternLimit)
        {
            _interned[text] = text;
        }

        return text;
    }

    private bool Remember(long key)
    {
        if (_stack.Count <= Fence)
        {
            return false;
        }

        _memo[key] = _stack[^1];
        return true;
    }

    /// <summary>A memo GET; a container met a second time could be shared or cyclic: that is the decoder's to judge.</summary>
    private bool Recall(long key) =>
        _memo.TryGetValue(key, out var value) && value.Kind != SlotKind.Container && Push(value);

    private static Slot Resolve(ReadOnlySpan<byte> data, (int Start, int Length) module, (int Start, int Length) name)
    {
        var m = data.Slice(module.Start, module.Length);
        var n = data.Slice(name.Start, name.Length);
        var callable = 0;
        if (m.SequenceEqual("datetime"u8))
        {
            callable = n.SequenceEqual("datetime"u8) ? (int)PyCallable.DateTime : n.SequenceEqual("date"u8) ? (int)PyCallable.Date : -1;
        }
        else if (m.SequenceEqual("decimal"u8) && n.SequenceEqual("Decimal"u8))
        {
            callable = (int)PyCallable.Decimal;
        }
        else if (m.SequenceEqual("_codecs"u8) && n.SequenceEqual("encode"u8))
        {
            callable = (int)PyCallable.CodecsEncode;
        }
        else if (m.SequenceEqual("builtins"u8) || m.SequenceEqual("__builtin__"u8))
        {
            callable = n.SequenceEqual("bytes"u8) ? (int)PyCallable.Bytes : n.SequenceEqual("bytearray"u8) ? (int)PyCallable.ByteArray : -1;
        }
        else
        {
            callable = -1;
        }

        return callable < 0 ? Slot.Refused : new Slot(SlotKind.Global, callable, 0);
    }

    /// <summary>REDUCE of an allowed callable with the argument shapes the decoder accepts; anything else is refused.</summary>
    private Slot Reduce(ReadOnlySpan<byte> data, Slot callable, Slot arguments)
    {
        if (callable.Kind != SlotKind.Global || arguments.Kind != SlotKind.Container || _nodes[arguments.A] is not { Kind: NodeKind.Tuple } tuple
            || tuple.Children.Count != 0)
        {
            return Slot.Refused;
        }

        var args = tuple.Scalars;
        switch ((PyCallable)callable.A)
        {
            case PyCallable.DateTime when args.Count == 1 || (args.Count == 2 && args[1].IsNone):
                return State(data, args[0], out var state) && PyDateTimeState.TryDecodeDateTime(state, out _, out _) ? Slot.Other : Slot.Refused;
            case PyCallable.Date when args.Count == 1:
                return State(data, args[0], out var dateState) && PyDateTimeState.TryDecodeDate(dateState, out _, out _) ? Slot.Other : Slot.Refused;
            case PyCallable.Decimal when args.Count == 1 && args[0].Kind == SlotKind.Text:
                var digits = s_strictUtf8.GetString(data.Slice(args[0].A, args[0].B));
                return digits.Length <= _options.MaxNumberDigits && PyDecimal.TryParse(digits, out _, out _) ? Slot.Other : Slot.Refused;
            case PyCallable.Bytes or PyCallable.ByteArray when args.Count == 0:
                return HeapBytes([]);
            case PyCallable.Bytes or PyCallable.ByteArray when args.Count == 1 && args[0].Kind is SlotKind.Bytes or SlotKind.HeapBytes:
                return args[0];
            case PyCallable.CodecsEncode or PyCallable.Bytes or PyCallable.ByteArray
                when args.Count == 2 && args[0].Kind == SlotKind.Text && args[1].Kind == SlotKind.Text && IsLatin1(data.Slice(args[1].A, args[1].B)):
                var latin1 = Latin1(s_strictUtf8.GetString(data.Slice(args[0].A, args[0].B)));
                return latin1 is null ? Slot.Refused : HeapBytes(latin1);
            default:
                return Slot.Refused;
        }
    }

    private Slot HeapBytes(byte[] bytes)
    {
        _heapBytes.Add(bytes);
        return new Slot(SlotKind.HeapBytes, _heapBytes.Count - 1, bytes.Length);
    }

    /// <summary>A datetime/date state: bytes, or a Latin-1 str as Python 2 pickled it.</summary>
    private bool State(ReadOnlySpan<byte> data, Slot slot, out ReadOnlySpan<byte> state)
    {
        state = default;
        switch (slot.Kind)
        {
            case SlotKind.Bytes:
                state = data.Slice(slot.A, slot.B);
                return true;
            case SlotKind.HeapBytes:
                state = _heapBytes[slot.A];
                return true;
            case SlotKind.Text:
                var bytes = Latin1(s_strictUtf8.GetString(data.Slice(slot.A, slot.B)));
                state = bytes;
                return bytes is not null;
            default:
                return false;
        }
    }

    private static byte[]? Latin1(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0xFF)
            {
                return null;
            }

            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    private static bool IsLatin1(ReadOnlySpan<byte> encoding) =>
        encoding.SequenceEqual("latin1"u8) || encoding.SequenceEqual("latin-1"u8) || encoding.SequenceEqual("iso-8859-1"u8) || encoding.SequenceEqual("iso8859-1"u8);

    private sealed record CachedKey(byte[] Utf8, string Text);

    private enum SlotKind : byte
    {
        /// <summary>A value that may not be a dict key: None, float, datetime, date, Decimal.</summary>
        Other,

        /// <summary>An int or bool (a valid non-str dict key).</summary>
        Keyable,

        /// <summary>A str: its UTF-8 bytes in the input (A = start, B = length).</summary>
        Text,

        /// <summary>bytes in the input (A = start, B = length).</summary>
        Bytes,

        /// <summary>bytes made by a REDUCE (A = index in the walk's heap).</summary>
        HeapBytes,

        /// <summary>A list, dict or tuple (A = node index).</summary>
        Container,

        /// <summary>An allowed global (A = <see cref="PyCallable"/>).</summary>
        Global,

        /// <summary>Not a slot: the decoder would refuse what produced it.</summary>
        Refused,
    }

    private readonly record struct Slot(SlotKind Kind, int A, int B)
    {
        public static Slot Other => new(SlotKind.Other, 0, 0);

        public static Slot None => new(SlotKind.Other, 1, 0);

        public static Slot Keyable => new(SlotKind.Keyable, 0, 0);

        public static Slot Refused => new(SlotKind.Refused, 0, 0);

        public bool IsNone => Kind == SlotKind.Other && A == 1;
    }

    private enum NodeKind : byte
    {
        List,
        Dict,
        Tuple,
    }

    /// <summary>A container: its nesting height, its child containers (lists, tuples), scalar items (tuples: REDUCE arguments), keys and values (dicts).</summary>
    private sealed class Node
    {
        private Dictionary<string, int>? _index;

        public NodeKind Kind { get; private set; }

        public int Height { get; set; }

        public bool AllKeysStrings { get; set; }

        public List<int> Children { get; } = [];

        public List<Slot> Scalars { get; } = [];

        public List<string?> Keys { get; } = [];

        public List<Slot> Values { get; } = [];

        public void Reset(NodeKind kind)
        {
            Kind = kind;
            Height = 1;
            AllKeysStrings = true;
            Children.Clear();
            Scalars.Clear();
            Keys.Clear();
            Values.Clear();
            _index = null;
        }

        public int IndexOf(string key)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(key, out var at) ? at : -1;
            }

            for (var i = 0; i < Keys.Count; i++)
            {
                if (string.Equals(Keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        public void Add(string key, Slot value)
        {
            Keys.Add(key);
            Values.Add(value);
            if (_index is null && Keys.Count > 16)
            {
                _index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < Keys.Count; i++)
                {
                    _index[Keys[i]!] = i;
                }
            }
            else
            {
                _index?.Add(key, Keys.Count - 1);
            }
        }
    }
}
