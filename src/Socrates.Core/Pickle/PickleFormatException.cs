namespace Socrates.Core.Pickle;

/// <summary>
/// A pickle the decoder refused: malformed, truncated, hostile, or outside the value model.
/// <see cref="Offset"/> is the position of the opcode that failed (the input length when the data
/// ended where an opcode was expected); <see cref="OpcodeByte"/>/<see cref="OpcodeName"/> name it
/// (null at the end of the data; the name is null for a byte no protocol defines).
/// </summary>
public sealed class PickleFormatException : FormatException
{
    public PickleFormatException(PickleErrorCode code, long offset, byte? opcodeByte, string detail)
        : base(BuildMessage(code, offset, opcodeByte, detail))
    {
        Code = code;
        Offset = offset;
        OpcodeByte = opcodeByte;
        OpcodeName = opcodeByte is { } b ? PickleOpcodes.NameOf(b) : null;
        Detail = detail;
    }

    public PickleErrorCode Code { get; }

    /// <summary>Byte offset of the failing opcode in the input.</summary>
    public long Offset { get; }

    /// <summary>The failing opcode's byte, or null at the end of the data.</summary>
    public byte? OpcodeByte { get; }

    /// <summary>The failing opcode's pickletools name (e.g. <c>STACK_GLOBAL</c>); null if unknown or at the end.</summary>
    public string? OpcodeName { get; }

    /// <summary>What was wrong, without the position prefix.</summary>
    public string Detail { get; }

    private static string BuildMessage(PickleErrorCode code, long offset, byte? opcodeByte, string detail)
    {
        var opcode = opcodeByte switch
        {
            null => "end of data",
            { } b => $"opcode {PickleOpcodes.NameOf(b) ?? "<unknown>"} (0x{b:x2})",
        };
        return $"Pickle rejected ({code}) at offset {offset}, {opcode}: {detail}";
    }
}
