using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Text;
using Op = Socrates.Core.Pickle.PickleOpcodes;

namespace Socrates.Core.Pickle;

/// <summary>One encoding run of <see cref="PickleEncoder"/>: the opcode stream, the path for errors.</summary>
internal sealed class PickleWriter(int protocol)
{
    private const int BatchSize = 1000; // CPython's APPENDS/SETITEMS batch
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _out = new(256);
    private readonly List<object> _path = [];
    private readonly HashSet<object> _open = new(ReferenceEqualityComparer.Instance);

    public byte[] Write(object? value)
    {
        WriteValue(value);
        _out.GetSpan(1)[0] = Op.Stop;
        _out.Advance(1);
        var body = _out.WrittenSpan;
        var headerLength = protocol >= 4 ? 11 : 2;
        var result = new byte[headerLength + body.Length];
        result[0] = Op.Proto;
        result[1] = (byte)protocol;
        if (protocol >= 4)
        {
            result[2] = Op.Frame;
            BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(3, 8), (ulong)body.Length);
        }

        body.CopyTo(result.AsSpan(headerLength));
        return result;
    }

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                Put(Op.None);
                break;
            case bool flag:
                Put(flag ? Op.NewTrue : Op.NewFalse);
                break;
            case string text:
                WriteString(text);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                WriteInteger(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong big:
                WriteBigInteger(big);
                break;
            case BigInteger integer:
                WriteBigInteger(integer);
                break;
            case double number:
                WriteDouble(number);
                break;
            case float single:
                WriteDouble(single);
                break;
            case decimal number:
                WriteGlobal("decimal", "Decimal");
                WriteString(PyDecimal.Format(number));
                Put(Op.Tuple1);
                Put(Op.Reduce);
                break;
            case DateTime moment:
                WriteGlobal("datetime", "datetime");
                WriteBytes(PyDateTimeState.Encode(moment));
                Put(Op.Tuple1);
                Put(Op.Reduce);
                break;
            case DateOnly day:
                WriteGlobal("datetime", "date");
                WriteBytes(PyDateTimeState.Encode(day));
                Put(Op.Tuple1);
                Put(Op.Reduce);
                break;
            case byte[] bytes:
                WriteBytes(bytes);
                break;
            case DateTimeOffset:
                throw Fail(value, "timezone-aware values are not in the value model (V1 stored naive datetimes); pass a DateTime");
            case object?[] tuple when value.GetType() == typeof(object[]):
                Enter(value);
                WriteTuple(tuple);
                Leave(value);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                Enter(value);
                WriteDict(dict.Select(e => new KeyValuePair<object, object?>(e.Key, e.Value)), dict.Count);
                Leave(value);
                break;
            case IDictionary dict:
                Enter(value);
                WriteDict(Entries(dict), dict.Count);
                Leave(value);
                break;
            case IReadOnlyList<object?> list:
                Enter(value);
                WriteList(list, list.Count);
                Leave(value);
                break;
            case IList list:
                Enter(value);
                WriteList(list.Cast<object?>(), list.Count);
                Leave(value);
                break;
            default:
                throw Fail(value, "this type is not in the value model");
        }
    }

    private static IEnumerable<KeyValuePair<object, object?>> Entries(IDictionary dict)
    {
        var enumerator = dict.GetEnumerator();
        while (enumerator.MoveNext())
        {
            var entry = enumerator.Entry;
            yield return new KeyValuePair<object, object?>(entry.Key, entry.Value);
        }
    }

    private void Enter(object container)
    {
        if (_path.Count >= PickleEncoder.MaxDepth)
        {
            throw Fail(container, $"containers nest deeper than {PickleEncoder.MaxDepth}");
        }

        if (!_open.Add(container))
        {
            throw Fail(container, "the container contains itself; a pickle of the value model is a tree");
        }
    }

    private void Leave(object container) => _open.Remove(container);

    private void WriteList(IEnumerable<object?> items, int count)
    {
        Put(Op.EmptyList);
        if (count == 0)
        {
            return;
        }

        var index = 0;
        var inBatch = 0;
        foreach (var item in items)
        {
            if (inBatch == 0 && count - index > 1)
            {
                Put(Op.Mark);
            }

            _path.Add(index);
            WriteValue(item);
            _path.RemoveAt(_path.Count - 1);
            index++;
            inBatch++;
            if (inBatch == BatchSize || index == count)
            {
                Put(inBatch == 1 && !(count - (index - 1) > 1) ? Op.Append : Op.Appends);
                inBatch = 0;
            }
        }
    }

    private void WriteDict(IEnumerable<KeyValuePair<object, object?>> entries, int count)
    {
        Put(Op.EmptyDict);
        if (count == 0)
        {
            return;
        }

        var index = 0;
        var inBatch = 0;
        var seen = new HashSet<object>(PyKeyComparer.Instance);
        foreach (var (key, item) in entries)
        {
            if (inBatch == 0 && count - index > 1)
            {
                Put(Op.Mark);
            }

            _path.Add(new DictKey(key));
            switch (key)
            {
                case string or bool or BigInteger:
                    WriteValue(key);
                    break;
                case long or int or short or sbyte or byte or ushort or uint or ulong:
                    WriteValue(key);
                    break;
                default:
                    throw Fail(key, "dict keys must be str, int or bool");
            }

            if (key is not string && !seen.Add(key))
            {
                throw Fail(key, "another key of this dict is the same key in Python (True == 1, False == 0)");
            }

            WriteValue(item);
            _path.RemoveAt(_path.Count - 1);
            index++;
            inBatch++;
            if (inBatch == BatchSize || index == count)
            {
                Put(inBatch == 1 && !(count - (index - 1) > 1) ? Op.SetItem : Op.SetItems);
                inBatch = 0;
            }
        }
    }

    private void WriteTuple(object?[] items)
    {
        if (items.Length == 0)
        {
            Put(Op.EmptyTuple);
            return;
        }

        if (items.Length > 3)
        {
            Put(Op.Mark);
        }

        for (var i = 0; i < items.Length; i++)
        {
            _path.Add(i);
            WriteValue(items[i]);
            _path.RemoveAt(_path.Count - 1);
        }

        Put(items.Length switch { 1 => Op.Tuple1, 2 => Op.Tuple2, 3 => Op.Tuple3, _ => Op.Tuple });
    }

    private void WriteInteger(long value)
    {
        if (value is >= 0 and <= 0xFF)
        {
            Put(Op.BinInt1);
            Put((byte)value);
        }
        else if (value is >= 0 and <= 0xFFFF)
        {
            Put(Op.BinInt2);
            BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), (ushort)value);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            Put(Op.BinInt);
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), (int)value);
        }
        else
        {
            WriteLong(new BigInteger(value));
        }
    }

    private void WriteBigInteger(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            WriteInteger((long)value);
        }
        else
        {
            WriteLong(value);
        }
    }

    private void WriteLong(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: false, isBigEndian: false);
        if (bytes.Length <= 0xFF)
        {
            Put(Op.Long1);
            Put((byte)bytes.Length);
        }
        else
        {
            Put(Op.Long4);
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), bytes.Length);
        }

        Put(bytes);
    }

    private void WriteDouble(double value)
    {
        Put(Op.BinFloat);
        BinaryPrimitives.WriteDoubleBigEndian(Reserve(8), value);
    }

    private void WriteString(string text)
    {
        byte[] utf8;
        try
        {
            utf8 = s_strictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException error)
        {
            throw Fail(text, $"the string has a lone surrogate and is not valid Unicode ({error.Message})");
        }

        if (protocol >= 4 && utf8.Length <= 0xFF)
        {
            Put(Op.ShortBinUnicode);
            Put((byte)utf8.Length);
        }
        else if ((ulong)utf8.Length <= uint.MaxValue)
        {
            Put(Op.BinUnicode);
            BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), (uint)utf8.Length);
        }
        else
        {
            Put(Op.BinUnicode8);
            BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), (ulong)utf8.Length);
        }

        Put(utf8);
    }

    private void WriteBytes(byte[] bytes)
    {
        if (protocol < 3)
        {
            // Protocol 2 has no bytes opcode: CPython writes _codecs.encode(latin-1 str, 'latin1'), or bytes() when empty.
            if (bytes.Length == 0)
            {
                WriteGlobal("__builtin__", "bytes");
                Put(Op.EmptyTuple);
                Put(Op.Reduce);
                return;
            }

            WriteGlobal("_codecs", "encode");
            WriteString(Encoding.Latin1.GetString(bytes));
            WriteString("latin1");
            Put(Op.Tuple2);
            Put(Op.Reduce);
            return;
        }

        if (bytes.Length <= 0xFF)
        {
            Put(Op.ShortBinBytes);
            Put((byte)bytes.Length);
        }
        else
        {
            Put(Op.BinBytes);
            BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), (uint)bytes.Length);
        }

        Put(bytes);
    }

    private void WriteGlobal(string module, string name)
    {
        if (protocol >= 4)
        {
            WriteString(module);
            WriteString(name);
            Put(Op.StackGlobal);
            return;
        }

        Put(Op.Global);
        Put(Encoding.ASCII.GetBytes(module + "\n" + name + "\n"));
    }

    private void Put(byte b)
    {
        _out.GetSpan(1)[0] = b;
        _out.Advance(1);
    }

    private void Put(ReadOnlySpan<byte> bytes) => _out.Write(bytes);

    private Span<byte> Reserve(int count)
    {
        var span = _out.GetSpan(count)[..count];
        _out.Advance(count);
        return span;
    }

    private PickleEncodingException Fail(object? value, string detail) =>
        new(PyValuePath.Format(_path), value?.GetType(), detail);

    private readonly record struct DictKey(object? Key);

    /// <summary>Formats a path of list indexes (int) and dict keys as <c>$.a[2]["b c"]</c>.</summary>
    internal static class PyValuePath
    {
        public static string Format(IEnumerable<object> segments)
        {
            var text = new StringBuilder("$");
            foreach (var segment in segments)
            {
                switch (segment)
                {
                    case int index:
                        text.Append('[').Append(index).Append(']');
                        break;
                    case DictKey { Key: var key }:
                        PyValueComparer.AppendKey(text, key);
                        break;
                    default:
                        PyValueComparer.AppendKey(text, segment);
                        break;
                }
            }

            return text.ToString();
        }
    }
}
