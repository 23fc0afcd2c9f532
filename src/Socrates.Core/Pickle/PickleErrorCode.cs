namespace Socrates.Core.Pickle;

/// <summary>Why the decoder refused a pickle (carried by <see cref="PickleFormatException"/>).</summary>
public enum PickleErrorCode
{
    /// <summary>The input is empty.</summary>
    EmptyInput,

    /// <summary>The data ends inside an opcode or before STOP.</summary>
    Truncated,

    /// <summary>A byte that no pickle protocol defines as an opcode.</summary>
    UnknownOpcode,

    /// <summary>A real opcode outside the supported subset (BUILD, INST, OBJ, sets, persistent ids...).</summary>
    UnsupportedOpcode,

    /// <summary>PROTO names a protocol other than 2 to 5.</summary>
    UnsupportedProtocol,

    /// <summary>GLOBAL or STACK_GLOBAL names a callable outside the allow-list.</summary>
    ForbiddenGlobal,

    /// <summary>REDUCE of an allowed callable with arguments it does not accept, or of a non-callable.</summary>
    InvalidReduce,

    /// <summary>An opcode needs more items on the stack than there are.</summary>
    StackUnderflow,

    /// <summary>An opcode needs a MARK and none is open, or STOP finds open marks.</summary>
    MarkMissing,

    /// <summary>GET of a memo slot never stored.</summary>
    InvalidMemoKey,

    /// <summary>An opcode's operand is malformed (bad UTF-8, bad datetime state, bad text integer...).</summary>
    InvalidValue,

    /// <summary>APPEND/SETITEM on something that is not a list/dict, or an item of the wrong kind.</summary>
    InvalidTarget,

    /// <summary>A dict key of a type outside the value model (only str, int and bool keys are).</summary>
    UnsupportedDictKey,

    /// <summary>A decimal.Decimal that System.Decimal cannot hold exactly (NaN, Infinity, too many digits).</summary>
    DecimalOutOfRange,

    /// <summary>A datetime with a tzinfo: the value model has naive datetimes only.</summary>
    TimezoneAwareDateTime,

    /// <summary>A FRAME that overlaps the previous one or is longer than the data.</summary>
    InvalidFrame,

    /// <summary>STOP left more or fewer than one value on the stack.</summary>
    InvalidStop,

    /// <summary>Bytes follow STOP.</summary>
    TrailingData,

    /// <summary>The input is larger than <see cref="PickleDecoderOptions.MaxInputBytes"/>.</summary>
    InputTooLarge,

    /// <summary>More values than <see cref="PickleDecoderOptions.MaxItems"/> (counted as a tree).</summary>
    TooManyItems,

    /// <summary>Containers nested deeper than <see cref="PickleDecoderOptions.MaxDepth"/>.</summary>
    NestingTooDeep,

    /// <summary>A container that contains itself (the value model is a tree).</summary>
    Cycle,
}
