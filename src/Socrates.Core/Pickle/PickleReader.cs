using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Socrates.Core.Pickle.Faults;
using Op = Socrates.Core.Pickle.PickleOpcodes;

namespace Socrates.Core.Pickle;

/// <summary>
/// The pickle virtual machine, restricted to the value model: it interprets opcodes into a
/// stack and a memo, resolves only the allow-listed globals (datetime.datetime, datetime.date,
/// decimal.Decimal, _codecs.encode, bytes, bytearray) and applies REDUCE only to them, with the
/// argument shapes CPython writes. It never imports, calls or builds anything else. Every
/// refusal is a <see cref="PickleFormatException"/> at the offending opcode.
/// </summary>
internal ref struct PickleReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private readonly PickleDecoderOptions _options;
    private readonly List<object?> _stack = [];
    private readonly List<int> _marks = [];
    private readonly Dictionary<long, object?> _memo = [];
    private int _pos;
    private int _opStart;
    private byte _op;
    private long _pushed;
    private long _frameEnd = -1;

    public PickleReader(ReadOnlySpan<byte> data, PickleDecoderOptions options)
    {
        _data = data;
        _options = options;
    }

    public object? Read()
    {
        if (_data.Length == 0)
        {
            throw new PickleFormatException(PickleErrorCode.EmptyInput, 0, null, "the input is empty");
        }

        if (_data.Length > _options.MaxInputBytes)
        {
            throw new PickleFormatException(
                PickleErrorCode.InputTooLarge, 0, _data[0],
                $"the input is {_data.Length} bytes; the limit is {_options.MaxInputBytes}");
        }

        while (true)
        {
            if (_pos >= _data.Length)
            {
                throw new PickleFormatException(PickleErrorCode.Truncated, _pos, null, "the data ended before STOP");
            }

            _opStart = _pos;
            _op = _data[_pos++];
            if (_op == Op.Stop)
            {
                return Finish();
            }

            Step();
        }
    }

    private object? Finish()
    {
        if (_marks.Count != 0)
        {
            throw Error(PickleErrorCode.MarkMissing, $"STOP with {_marks.Count} MARK(s) still open");
        }

        if (_stack.Count != 1)
        {
            throw Error(PickleErrorCode.InvalidStop, $"STOP expects exactly one value on the stack, found {_stack.Count}");
        }

        if (_pos != _data.Length)
        {
            throw new PickleFormatException(
                PickleErrorCode.TrailingData, _pos, _data[_pos], $"{_data.Length - _pos} byte(s) follow STOP");
        }

        return new PyValueBuilder(_options).Build(_stack[0]);
    }

    private void Step()
    {
        switch (_op)
        {
            case Op.Proto:
                var protocol = ReadByte();
                if (protocol is < 2 or > 5)
                {
                    throw Error(PickleErrorCode.UnsupportedProtocol, $"protocol {protocol} is not supported (2 to 5 are)");
                }

                break;
            case Op.Frame:
                ReadFrame();
                break;
            case Op.Mark:
                _marks.Add(_stack.Count);
                break;
            case Op.Pop:
                if (_stack.Count > Fence)
                {
                    _stack.RemoveAt(_stack.Count - 1);
                }
                else
                {
                    PopMark();
                }

                break;
            case Op.PopMark:
                PopMark();
                break;
            case Op.None:
                Push(null);
                break;
            case Op.NewTrue:
                Push(true);
                break;
            case Op.NewFalse:
                Push(false);
                break;
            case Op.BinInt:
                Push((long)BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)));
                break;
            case Op.BinInt1:
                Push((long)ReadByte());
                break;
            case Op.BinInt2:
                Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2)));
                break;
            case Op.Long1:
                Push(Normalize(new BigInteger(ReadBytes(ReadByte()), isUnsigned: false, isBigEndian: false)));
                break;
            case Op.Long4:
                var count = BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));
                if (count < 0)
                {
                    throw Error(PickleErrorCode.InvalidValue, $"LONG4 has a negative byte count {count}");
                }

                Push(Normalize(new BigInteger(ReadBytes(count), isUnsigned: false, isBigEndian: false)));
                break;
            case Op.Int:
                Push(ParseTextInteger(ReadLine(), allowBool: true));
                break;
            case Op.Long:
                var text = ReadLine();
                Push(ParseTextInteger(text.EndsWith('L') ? text[..^1] : text, allowBool: false));
                break;
            case Op.BinFloat:
                Push(BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8)));
                break;
            case Op.ShortBinUnicode:
                Push(DecodeUtf8(ReadBytes(ReadByte())));
                break;
            case Op.BinUnicode:
                Push(DecodeUtf8(ReadBytes(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))));
                break;
            case Op.BinUnicode8:
                Push(DecodeUtf8(ReadBytes(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8)))));
                break;
            case Op.ShortBinBytes:
                Push(ReadBytes(ReadByte()).ToArray());
                break;
            case Op.BinBytes:
                Push(ReadBytes(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))).ToArray());
                break;
            case Op.BinBytes8:
            case Op.ByteArray8:
                Push(ReadBytes(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8))).ToArray());
                break;
            case Op.EmptyList:
                Push(new PyListNode(_opStart, _op));
                break;
            case Op.EmptyDict:
                Push(new PyDictNode(_opStart, _op));
                break;
            case Op.EmptyTuple:
                Push(new PyTupleNode(_opStart, _op, []));
                break;
            case Op.Tuple1:
                var one = PopValue();
                Push(new PyTupleNode(_opStart, _op, [one]));
                break;
            case Op.Tuple2:
                var b2 = PopValue();
                var a2 = PopValue();
                Push(new PyTupleNode(_opStart, _op, [a2, b2]));
                break;
            case Op.Tuple3:
                var c3 = PopValue();
                var b3 = PopValue();
                var a3 = PopValue();
                Push(new PyTupleNode(_opStart, _op, [a3, b3, c3]));
                break;
            case Op.Tuple:
                Push(new PyTupleNode(_opStart, _op, PopMark()));
                break;
            case Op.List:
                var list = new PyListNode(_opStart, _op);
                list.Items.AddRange(PopMark());
                Push(list);
                break;
            case Op.Dict:
                var dict = new PyDictNode(_opStart, _op);
                SetItems(dict, PopMark());
                Push(dict);
                break;
            case Op.Append:
                var appended = PopValue();
                TopAs<PyListNode>("APPEND needs a list below the item").Items.Add(appended);
                break;
            case Op.Appends:
                var many = PopMark();
                TopAs<PyListNode>("APPENDS needs a list below its MARK").Items.AddRange(many);
                break;
            case Op.SetItem:
                var value = PopValue();
                var key = PopValue();
                SetItems(TopAs<PyDictNode>("SETITEM needs a dict below the key and value"), [key, value]);
                break;
            case Op.SetItems:
                var pairs = PopMark();
                SetItems(TopAs<PyDictNode>("SETITEMS needs a dict below its MARK"), pairs);
                break;
            case Op.Memoize:
                Remember(_memo.Count);
                break;
            case Op.BinPut:
                Remember(ReadByte());
                break;
            case Op.LongBinPut:
                Remember(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)));
                break;
            case Op.Put:
                Remember(ParseMemoKey(ReadLine()));
                break;
            case Op.BinGet:
                Recall(ReadByte());
                break;
            case Op.LongBinGet:
                Recall(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)));
                break;
            case Op.Get:
                Recall(ParseMemoKey(ReadLine()));
                break;
            case Op.Global:
                var module = ReadLine();
                var name = ReadLine();
                Push(Resolve(module, name));
                break;
            case Op.StackGlobal:
                var qualified = PopValue();
                var owner = PopValue();
                if (owner is not string moduleName || qualified is not string globalName)
                {
                    throw Error(PickleErrorCode.InvalidValue, "STACK_GLOBAL needs two strings (module, name) on the stack");
                }

                Push(Resolve(moduleName, globalName));
                break;
            case Op.Reduce:
                var arguments = PopValue();
                var callable = PopValue();
                Push(ApplyReduce(callable, arguments));
                break;
            default:
                throw PickleOpcodes.NameOf(_op) is { } known
                    ? Error(PickleErrorCode.UnsupportedOpcode, $"{known} is outside the supported subset of the value model")
                    : Error(PickleErrorCode.UnknownOpcode, $"0x{_op:x2} is not a pickle opcode");
        }
    }

    private readonly int Fence => _marks.Count == 0 ? 0 : _marks[^1];

    private readonly PickleFormatException Error(PickleErrorCode code, string detail) => new(code, _opStart, _op, detail);

    private void Push(object? value)
    {
        if (++_pushed > _options.MaxItems)
        {
            throw Error(PickleErrorCode.TooManyItems, $"more than {_options.MaxItems} values pushed");
        }

        _stack.Add(value);
    }

    private object? PopValue()
    {
        if (_stack.Count <= Fence)
        {
            throw Error(PickleErrorCode.StackUnderflow, "the stack (above the last MARK) is empty");
        }

        var value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private readonly T TopAs<T>(string what)
        where T : PyNode
    {
        if (_stack.Count <= Fence)
        {
            throw Error(PickleErrorCode.StackUnderflow, what + ", but the stack is empty");
        }

        return _stack[^1] as T ?? throw Error(PickleErrorCode.InvalidTarget, $"{what}; found {Describe(_stack[^1])}");
    }

    private object?[] PopMark()
    {
        if (_marks.Count == 0)
        {
            throw Error(PickleErrorCode.MarkMissing, "no MARK is open");
        }

        var start = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[start..].ToArray();
        _stack.RemoveRange(start, _stack.Count - start);
        return items;
    }

    private void SetItems(PyDictNode dict, object?[] flat)
    {
        if (flat.Length % 2 != 0)
        {
            throw Error(PickleErrorCode.InvalidValue, $"a dict needs key/value pairs; found {flat.Length} items");
        }

        for (var i = 0; i < flat.Length; i += 2)
        {
            var key = flat[i] switch
            {
                string or long or BigInteger or bool => flat[i]!,
                var other => throw Error(
                    PickleErrorCode.UnsupportedDictKey, $"dict keys must be str, int or bool; found {Describe(other)}"),
            };
            dict.Set(key, flat[i + 1]);
        }
    }

    private void Remember(long key)
    {
        if (_stack.Count <= Fence)
        {
            throw Error(PickleErrorCode.StackUnderflow, "nothing on the stack to memoize");
        }

        _memo[key] = _stack[^1];
    }

    private void Recall(long key)
    {
        if (!_memo.TryGetValue(key, out var value))
        {
            throw Error(PickleErrorCode.InvalidMemoKey, $"memo key {key} was never stored");
        }

        if (value is PyNode node)
        {
            node.Shared = true;
        }

        Push(value);
    }

    private void ReadFrame()
    {
        var length = BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));
        if (_frameEnd > _opStart)
        {
            throw Error(PickleErrorCode.InvalidFrame, $"a new FRAME starts {_frameEnd - _opStart} byte(s) before the previous one ends");
        }

        var remaining = (ulong)(_data.Length - _pos);
        if (length > remaining)
        {
            throw Error(PickleErrorCode.Truncated, $"FRAME announces {length} bytes but only {remaining} remain");
        }

        _frameEnd = _pos + (long)length;
    }

    private byte ReadByte() => ReadBytes(1)[0];

    private ReadOnlySpan<byte> ReadBytes(ulong count)
    {
        var remaining = (ulong)(_data.Length - _pos);
        if (count > remaining)
        {
            throw Error(PickleErrorCode.Truncated, $"needs {count} byte(s) of operand but only {remaining} remain");
        }

        var slice = _data.Slice(_pos, (int)count);
        _pos += (int)count;
        return slice;
    }

    private ReadOnlySpan<byte> ReadBytes(int count) => ReadBytes((ulong)count);

    private string ReadLine()
    {
        var rest = _data[_pos..];
        var window = rest[..Math.Min(rest.Length, _options.MaxNumberDigits + 2)];
        var end = window.IndexOf((byte)'\n');
        if (end < 0)
        {
            throw window.Length < rest.Length
                ? Error(PickleErrorCode.InvalidValue, $"text operand longer than {_options.MaxNumberDigits + 1} characters")
                : Error(PickleErrorCode.Truncated, "the data ended inside a text operand (no newline)");
        }

        _pos += end + 1;
        return DecodeUtf8(window[..end]);
    }

    private string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException error)
        {
            throw Error(PickleErrorCode.InvalidValue, $"string is not valid UTF-8 ({error.Message})");
        }
    }

    private object ParseTextInteger(string text, bool allowBool)
    {
        if (allowBool && text == "00")
        {
            return false;
        }

        if (allowBool && text == "01")
        {
            return true;
        }

        if (text.Length is 0 || text.Length > _options.MaxNumberDigits
            || !BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(PickleErrorCode.InvalidValue, $"'{Truncate(text)}' is not a decimal integer");
        }

        return Normalize(value);
    }

    private long ParseMemoKey(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw Error(PickleErrorCode.InvalidValue, $"memo key '{Truncate(text)}' is not a number");

    /// <summary>An int that fits Int64 is a long in the value model; only larger ones stay BigInteger.</summary>
    internal static object Normalize(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return (long)value;
        }

        return value;
    }

    private PyGlobalNode Resolve(string module, string name)
    {
        PyCallable? callable = (module, name) switch
        {
            ("datetime", "datetime") => PyCallable.DateTime,
            ("datetime", "date") => PyCallable.Date,
            ("decimal", "Decimal") => PyCallable.Decimal,
            ("_codecs", "encode") => PyCallable.CodecsEncode,
            ("builtins" or "__builtin__", "bytes") => PyCallable.Bytes,
            ("builtins" or "__builtin__", "bytearray") => PyCallable.ByteArray,
            _ => null,
        };
        if (callable is { } allowed)
        {
            return new PyGlobalNode(_opStart, _op, allowed, module + "." + name);
        }

        if (PickleFaults.AcceptsAnyGlobal)
        {
            return new PyGlobalNode(_opStart, _op, PyCallable.Unchecked, module + "." + name);
        }

        if (module == "datetime" && name is "timezone" or "tzinfo" or "timedelta")
        {
            throw Error(
                PickleErrorCode.TimezoneAwareDateTime,
                $"{module}.{name} means a timezone-aware datetime; the value model (like V1) has naive datetimes only");
        }

        throw Error(
            PickleErrorCode.ForbiddenGlobal,
            $"global '{Truncate(module)}.{Truncate(name)}' is not in the allow-list (datetime.datetime, datetime.date, decimal.Decimal, _codecs.encode, bytes, bytearray); nothing is ever imported");
    }

    private object ApplyReduce(object? callable, object? arguments)
    {
        if (callable is not PyGlobalNode global)
        {
            throw Error(PickleErrorCode.InvalidReduce, $"REDUCE needs an allowed callable; found {Describe(callable)}");
        }

        if (arguments is not PyTupleNode tuple)
        {
            throw Error(PickleErrorCode.InvalidReduce, $"REDUCE of {global.Name} needs an argument tuple; found {Describe(arguments)}");
        }

        var args = tuple.Items;
        switch (global.Callable)
        {
            case PyCallable.Unchecked:
                // Only reachable under the canary failpoint: stands for "the call happened".
                return $"<called {global.Name}({args.Length} args)>";
            case PyCallable.CodecsEncode when args is [string text, string encoding] && IsLatin1(encoding):
                return Latin1(text, global);
            case PyCallable.Bytes or PyCallable.ByteArray when args.Length == 0:
                return Array.Empty<byte>();
            case PyCallable.Bytes or PyCallable.ByteArray when args is [byte[] bytes]:
                return bytes.ToArray();
            case PyCallable.Bytes or PyCallable.ByteArray when args is [string text, string encoding] && IsLatin1(encoding):
                return Latin1(text, global);
            case PyCallable.DateTime when args is [_] or [_, null]:
                var dateTimeState = StateBytes(args[0], global);
                return PyDateTimeState.TryDecodeDateTime(dateTimeState, out var dateTime, out var dateTimeError)
                    ? dateTime
                    : throw Error(PickleErrorCode.InvalidValue, dateTimeError!);
            case PyCallable.DateTime when args.Length == 2:
                throw Error(PickleErrorCode.TimezoneAwareDateTime, "datetime with a tzinfo; the value model has naive datetimes only");
            case PyCallable.Date when args is [_]:
                var dateState = StateBytes(args[0], global);
                return PyDateTimeState.TryDecodeDate(dateState, out var date, out var dateError)
                    ? date
                    : throw Error(PickleErrorCode.InvalidValue, dateError!);
            case PyCallable.Decimal when args is [string text]:
                if (text.Length > _options.MaxNumberDigits)
                {
                    throw Error(PickleErrorCode.InvalidValue, $"Decimal string of {text.Length} characters exceeds the limit");
                }

                return PyDecimal.TryParse(text, out var number, out var decimalError)
                    ? number
                    : throw Error(PickleErrorCode.DecimalOutOfRange, decimalError!);
            default:
                throw Error(
                    PickleErrorCode.InvalidReduce,
                    $"{global.Name} called with ({string.Join(", ", args.Select(Describe))}), which is not how CPython pickles it");
        }
    }

    private byte[] StateBytes(object? state, PyGlobalNode global) => state switch
    {
        byte[] bytes => bytes,
        string text => Latin1(text, global), // Python 2 pickled the state as a str
        _ => throw Error(PickleErrorCode.InvalidReduce, $"{global.Name} state must be bytes; found {Describe(state)}"),
    };

    private byte[] Latin1(string text, PyGlobalNode global)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0xFF)
            {
                throw Error(PickleErrorCode.InvalidReduce, $"{global.Name}: character U+{(int)text[i]:X4} is not Latin-1");
            }

            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    private static bool IsLatin1(string encoding) => encoding is "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1";

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private static string Describe(object? value) => value switch
    {
        null => "None",
        PyListNode => "list",
        PyDictNode => "dict",
        PyTupleNode t => $"tuple of {t.Items.Length}",
        PyGlobalNode g => g.Name,
        string => "str",
        byte[] => "bytes",
        long or BigInteger => "int",
        bool => "bool",
        double => "float",
        _ => value.GetType().Name,
    };
}
