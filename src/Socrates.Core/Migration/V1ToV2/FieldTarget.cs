namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Where one V1 dict key goes: a V2 <c>table.column</c> (several columns or a child table are
/// spelled in <see cref="Column"/>), or, when <see cref="DroppedReason"/> is set, nowhere on purpose.
/// </summary>
public sealed record FieldTarget(string Key, string? Table, string? Column, string? DroppedReason)
{
    public bool IsDropped => DroppedReason is not null;

    public override string ToString() => IsDropped ? $"{Key} -> dropped ({DroppedReason})" : $"{Key} -> {Table}.{Column}";
}
