using System.Globalization;
using System.Text;

namespace Socrates.Testing.Linearizability.Edn;

/// <summary>
/// A small EDN reader: maps, vectors, lists, sets, keywords, symbols, strings with escapes,
/// characters, integers, floats, nil, true/false, tagged elements, <c>;</c> comments,
/// <c>#_</c> discards, commas as whitespace. Errors are <see cref="EdnFormatException"/>s with
/// line and column.
/// </summary>
public sealed class EdnReader
{
    private const int MaxDepth = 512;

    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    public EdnReader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>Reads every top-level form.</summary>
    public static IReadOnlyList<EdnForm> ReadAll(string text)
    {
        var reader = new EdnReader(text);
        var forms = new List<EdnForm>();
        while (reader.Read() is { } form)
        {
            forms.Add(form);
        }

        return forms;
    }

    /// <summary>Reads one value (e.g. in tests).</summary>
    public static EdnValue ReadOne(string text)
    {
        var reader = new EdnReader(text);
        var form = reader.Read() ?? throw new EdnFormatException("expected a value, found the end of the input", reader._line, reader.Column);
        if (reader.Read() is { } extra)
        {
            throw new EdnFormatException("expected a single value, found another", extra.Line, 1);
        }

        return form.Value;
    }

    /// <summary>The next top-level form, or null at the end of the input.</summary>
    public EdnForm? Read()
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            return null;
        }

        var line = _line;
        return new EdnForm(ReadValue(), line);
    }

    /// <summary>
    /// True when the next form is a vector or list; it is then opened, so that
    /// <see cref="ReadElement"/> yields its elements one by one with their lines.
    /// </summary>
    public bool TryOpenSequence()
    {
        SkipWhitespaceAndComments();
        if (_position < _text.Length && _text[_position] is '[' or '(')
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>The next element of a sequence opened by <see cref="TryOpenSequence"/>; null after its closing bracket.</summary>
    public EdnForm? ReadElement()
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            throw Error("the input ends inside a sequence");
        }

        if (_text[_position] is ']' or ')')
        {
            _position++;
            return null;
        }

        var line = _line;
        return new EdnForm(ReadValue(), line);
    }

    private int Column => _position - _lineStart + 1;

    private EdnFormatException Error(string message) => new(message, _line, Column);

    private EdnValue ReadValue()
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            throw Error("expected a value, found the end of the input");
        }

        if (++_depth > MaxDepth)
        {
            throw Error($"values nest deeper than {MaxDepth}");
        }

        try
        {
            var c = _text[_position];
            switch (c)
            {
                case '{':
                    _position++;
                    return ReadMap();
                case '[':
                    _position++;
                    return new EdnVector(ReadItems(']'));
                case '(':
                    _position++;
                    return new EdnList(ReadItems(')'));
                case '"':
                    _position++;
                    return new EdnString(ReadString());
                case '\\':
                    _position++;
                    return ReadCharacter();
                case ':':
                    _position++;
                    var name = ReadToken();
                    return name.Length == 0 ? throw Error("a keyword needs a name after ':'") : new EdnKeyword(name);
                case '#':
                    _position++;
                    return ReadDispatch();
                case '}' or ']' or ')':
                    throw Error($"unexpected '{c}' with no matching opening bracket");
                default:
                    return ReadAtom();
            }
        }
        finally
        {
            _depth--;
        }
    }

    private EdnMap ReadMap()
    {
        var items = ReadItems('}');
        if (items.Count % 2 != 0)
        {
            throw Error($"a map needs an even number of forms, found {items.Count}");
        }

        var entries = new List<KeyValuePair<EdnValue, EdnValue>>(items.Count / 2);
        for (var i = 0; i < items.Count; i += 2)
        {
            entries.Add(new(items[i], items[i + 1]));
        }

        return new EdnMap(entries);
    }

    private List<EdnValue> ReadItems(char close)
    {
        var items = new List<EdnValue>();
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_position >= _text.Length)
            {
                throw Error($"the input ends before the closing '{close}'");
            }

            var c = _text[_position];
            if (c == close)
            {
                _position++;
                return items;
            }

            if (c is '}' or ']' or ')')
            {
                throw Error($"expected '{close}', found '{c}'");
            }

            items.Add(ReadValue());
        }
    }

    private string ReadString()
    {
        var (startLine, startColumn) = (_line, Column - 1);
        var text = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new EdnFormatException("the input ends inside the string that starts here", startLine, startColumn);
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c == '\n')
            {
                NewLine();
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("the input ends inside a string escape");
            }

            var escape = _text[_position++];
            text.Append(escape switch
            {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                'u' => ReadUnicodeEscape(),
                _ => throw Error($"unknown string escape '\\{escape}'"),
            });
        }
    }

    private char ReadUnicodeEscape()
    {
        if (_position + 4 > _text.Length
            || !ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error("\\u needs four hexadecimal digits");
        }

        _position += 4;
        return (char)code;
    }

    private EdnString ReadCharacter()
    {
        var token = ReadToken();
        if (token.Length == 0 && _position < _text.Length)
        {
            // A delimiter character such as \( or \,
            token = _text[_position++].ToString();
        }

        return token switch
        {
            "newline" => new EdnString("\n"),
            "space" => new EdnString(" "),
            "tab" => new EdnString("\t"),
            "return" => new EdnString("\r"),
            _ when token.Length == 1 => new EdnString(token),
            _ when token.Length == 5 && token[0] == 'u'
                && ushort.TryParse(token.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                => new EdnString(((char)code).ToString()),
            _ => throw Error($"unknown character literal '\\{token}'"),
        };
    }

    private EdnValue ReadDispatch()
    {
        if (_position >= _text.Length)
        {
            throw Error("the input ends after '#'");
        }

        var c = _text[_position];
        if (c == '{')
        {
            _position++;
            return new EdnSet(ReadItems('}'));
        }

        var tag = ReadToken();
        if (tag.Length == 0 || !char.IsLetter(tag[0]))
        {
            throw Error($"unsupported dispatch '#{c}'");
        }

        return new EdnTagged(tag, ReadValue());
    }

    private EdnValue ReadAtom()
    {
        var column = Column;
        var token = ReadToken();
        if (token.Length == 0)
        {
            throw new EdnFormatException($"unexpected character '{_text[_position]}'", _line, column);
        }

        switch (token)
        {
            case "nil":
                return EdnNil.Instance;
            case "true":
                return new EdnBoolean(true);
            case "false":
                return new EdnBoolean(false);
        }

        var first = token[0];
        var numeric = char.IsAsciiDigit(first) || (first is '+' or '-' && token.Length > 1 && char.IsAsciiDigit(token[1]));
        return numeric ? ParseNumber(token, column) : new EdnSymbol(token);
    }

    private EdnValue ParseNumber(string token, int column)
    {
        var body = token.EndsWith('N') || token.EndsWith('M') ? token[..^1] : token;
        var isFloat = token.EndsWith('M') || body.IndexOfAny(['.', 'e', 'E']) >= 0;
        if (!isFloat && long.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new EdnInteger(integer);
        }

        if (isFloat && double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new EdnFloat(real);
        }

        throw new EdnFormatException(
            isFloat || body.All(c => char.IsAsciiDigit(c) || c is '+' or '-')
                ? $"the number '{token}' is out of range or malformed"
                : $"'{token}' is not a number",
            _line,
            column);
    }

    private string ReadToken()
    {
        var start = _position;
        while (_position < _text.Length && !IsDelimiter(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private static bool IsDelimiter(char c) =>
        char.IsWhiteSpace(c) || c is ',' or '{' or '}' or '[' or ']' or '(' or ')' or '"' or ';' or '\\';

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _position++;
                NewLine();
            }
            else if (char.IsWhiteSpace(c) || c == ',')
            {
                _position++;
            }
            else if (c == '#' && _position + 1 < _text.Length && _text[_position + 1] == '_')
            {
                // #_ discards the next value, wherever it stands.
                _position += 2;
                SkipWhitespaceAndComments();
                if (_position >= _text.Length || _text[_position] is '}' or ']' or ')')
                {
                    throw Error("'#_' discards the next value, but there is none: expected a value");
                }

                ReadValue();
            }
            else if (c == ';')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }
}
