namespace Socrates.Core.Pickle;

/// <summary>
/// Every opcode of CPython's pickle format (protocols 0 to 5), by byte, with its name as
/// <c>pickletools</c> prints it. The decoder supports only a subset; the rest are named here so
/// an error can say which opcode it refused.
/// </summary>
internal static class PickleOpcodes
{
    public const byte Mark = (byte)'(';
    public const byte Stop = (byte)'.';
    public const byte Pop = (byte)'0';
    public const byte PopMark = (byte)'1';
    public const byte Int = (byte)'I';
    public const byte BinInt = (byte)'J';
    public const byte BinInt1 = (byte)'K';
    public const byte Long = (byte)'L';
    public const byte BinInt2 = (byte)'M';
    public const byte None = (byte)'N';
    public const byte Reduce = (byte)'R';
    public const byte BinUnicode = (byte)'X';
    public const byte Append = (byte)'a';
    public const byte Global = (byte)'c';
    public const byte Dict = (byte)'d';
    public const byte EmptyDict = (byte)'}';
    public const byte Appends = (byte)'e';
    public const byte Get = (byte)'g';
    public const byte BinGet = (byte)'h';
    public const byte LongBinGet = (byte)'j';
    public const byte List = (byte)'l';
    public const byte EmptyList = (byte)']';
    public const byte Put = (byte)'p';
    public const byte BinPut = (byte)'q';
    public const byte LongBinPut = (byte)'r';
    public const byte SetItem = (byte)'s';
    public const byte Tuple = (byte)'t';
    public const byte EmptyTuple = (byte)')';
    public const byte SetItems = (byte)'u';
    public const byte BinFloat = (byte)'G';
    public const byte Proto = 0x80;
    public const byte Tuple1 = 0x85;
    public const byte Tuple2 = 0x86;
    public const byte Tuple3 = 0x87;
    public const byte NewTrue = 0x88;
    public const byte NewFalse = 0x89;
    public const byte Long1 = 0x8a;
    public const byte Long4 = 0x8b;
    public const byte BinBytes = (byte)'B';
    public const byte ShortBinBytes = (byte)'C';
    public const byte ShortBinUnicode = 0x8c;
    public const byte BinUnicode8 = 0x8d;
    public const byte BinBytes8 = 0x8e;
    public const byte StackGlobal = 0x93;
    public const byte Memoize = 0x94;
    public const byte Frame = 0x95;
    public const byte ByteArray8 = 0x96;

    private static readonly string?[] s_names = BuildNames();

    /// <summary>The pickletools name of <paramref name="opcode"/>, or null when no protocol defines it.</summary>
    public static string? NameOf(byte opcode) => s_names[opcode];

    private static string?[] BuildNames()
    {
        var names = new string?[256];
        void Add(int code, string name) => names[code] = name;
        Add('(', "MARK"); Add('.', "STOP"); Add('0', "POP"); Add('1', "POP_MARK"); Add('2', "DUP");
        Add('F', "FLOAT"); Add('I', "INT"); Add('J', "BININT"); Add('K', "BININT1"); Add('L', "LONG");
        Add('M', "BININT2"); Add('N', "NONE"); Add('P', "PERSID"); Add('Q', "BINPERSID"); Add('R', "REDUCE");
        Add('S', "STRING"); Add('T', "BINSTRING"); Add('U', "SHORT_BINSTRING"); Add('V', "UNICODE");
        Add('X', "BINUNICODE"); Add('a', "APPEND"); Add('b', "BUILD"); Add('c', "GLOBAL"); Add('d', "DICT");
        Add('}', "EMPTY_DICT"); Add('e', "APPENDS"); Add('g', "GET"); Add('h', "BINGET"); Add('i', "INST");
        Add('j', "LONG_BINGET"); Add('l', "LIST"); Add(']', "EMPTY_LIST"); Add('o', "OBJ"); Add('p', "PUT");
        Add('q', "BINPUT"); Add('r', "LONG_BINPUT"); Add('s', "SETITEM"); Add('t', "TUPLE"); Add(')', "EMPTY_TUPLE");
        Add('u', "SETITEMS"); Add('G', "BINFLOAT"); Add(0x80, "PROTO"); Add(0x81, "NEWOBJ"); Add(0x82, "EXT1");
        Add(0x83, "EXT2"); Add(0x84, "EXT4"); Add(0x85, "TUPLE1"); Add(0x86, "TUPLE2"); Add(0x87, "TUPLE3");
        Add(0x88, "NEWTRUE"); Add(0x89, "NEWFALSE"); Add(0x8a, "LONG1"); Add(0x8b, "LONG4"); Add('B', "BINBYTES");
        Add('C', "SHORT_BINBYTES"); Add(0x8c, "SHORT_BINUNICODE"); Add(0x8d, "BINUNICODE8"); Add(0x8e, "BINBYTES8");
        Add(0x8f, "EMPTY_SET"); Add(0x90, "ADDITEMS"); Add(0x91, "FROZENSET"); Add(0x92, "NEWOBJ_EX");
        Add(0x93, "STACK_GLOBAL"); Add(0x94, "MEMOIZE"); Add(0x95, "FRAME"); Add(0x96, "BYTEARRAY8");
        Add(0x97, "NEXT_BUFFER"); Add(0x98, "READONLY_BUFFER");
        return names;
    }
}
