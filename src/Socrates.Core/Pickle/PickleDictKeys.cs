namespace Socrates.Core.Pickle;

/// <summary>
/// What <see cref="PickleKeyWalker"/> read from a pickled str-keyed dict: its keys in insertion
/// order, and for each requested key whose value is a list, the keys of each str-keyed dict in that
/// list, in list order (other items are left out, as a reader of the decoded value skips them).
/// </summary>
public sealed record PickleDictKeys(IReadOnlyList<string> Keys, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> ItemKeys)
{
    /// <summary>The item dicts' keys under <paramref name="listKey"/>; empty when that value is absent or not a list.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ItemsOf(string listKey) =>
        ItemKeys.TryGetValue(listKey, out var items) ? items : [];
}
