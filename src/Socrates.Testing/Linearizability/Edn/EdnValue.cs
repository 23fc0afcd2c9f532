using System.Globalization;
using System.Text;

namespace Socrates.Testing.Linearizability.Edn;

/// <summary>
/// An EDN value (https://github.com/edn-format/edn). Values compare structurally and print as
/// canonical EDN via <see cref="object.ToString"/>.
/// </summary>
public abstract record EdnValue
{
    /// <summary>
    /// Text for use as a plain key or value: strings without quotes, keywords without the colon,
    /// nil as null, everything else as EDN.
    /// </summary>
    public virtual string? ToPlainString() => ToString();

    internal static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}

/// <summary><c>nil</c>.</summary>
public sealed record EdnNil : EdnValue
{
    public static EdnNil Instance { get; } = new();

    public override string? ToPlainString() => null;

    public override string ToString() => "nil";
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record EdnBoolean(bool Value) : EdnValue
{
    public override string ToString() => Value ? "true" : "false";
}

/// <summary>An integer (64-bit).</summary>
public sealed record EdnInteger(long Value) : EdnValue
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A floating-point number.</summary>
public sealed record EdnFloat(double Value) : EdnValue
{
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A string.</summary>
public sealed record EdnString(string Value) : EdnValue
{
    public override string ToPlainString() => Value;

    public override string ToString() => Quote(Value);
}

/// <summary>A keyword such as <c>:read</c>; <see cref="Name"/> has no colon.</summary>
public sealed record EdnKeyword(string Name) : EdnValue
{
    public override string ToPlainString() => Name;

    public override string ToString() => ":" + Name;
}

/// <summary>A symbol such as <c>foo/bar</c>.</summary>
public sealed record EdnSymbol(string Name) : EdnValue
{
    public override string ToString() => Name;
}

/// <summary>A tagged element such as <c>#inst "2020-01-01"</c> or <c>#jepsen.history.Op{...}</c>.</summary>
public sealed record EdnTagged(string Tag, EdnValue Value) : EdnValue
{
    public override string ToString() => $"#{Tag} {Value}";
}
