namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// A call or return event in the doubly-linked event list of Lowe's algorithm. Linearizing an
/// operation lifts its call and return out of the list; backtracking puts them back.
/// </summary>
internal sealed class Entry
{
    public Entry(int operation, bool isCall, long time)
    {
        Operation = operation;
        IsCall = isCall;
        Time = time;
    }

    /// <summary>Index of the operation in the partition being searched.</summary>
    public int Operation { get; }

    public bool IsCall { get; }

    public long Time { get; }

    /// <summary>For a call: its return.</summary>
    public Entry? Match { get; set; }

    public Entry? Previous { get; set; }

    public Entry? Next { get; set; }

    /// <summary>Removes this call and its return from the list.</summary>
    public void Lift()
    {
        Unlink(this);
        Unlink(Match!);
    }

    /// <summary>Puts this call and its return back, in the reverse order of <see cref="Lift"/>.</summary>
    public void Unlift()
    {
        Relink(Match!);
        Relink(this);
    }

    private static void Unlink(Entry entry)
    {
        entry.Previous!.Next = entry.Next;
        if (entry.Next is not null)
        {
            entry.Next.Previous = entry.Previous;
        }
    }

    private static void Relink(Entry entry)
    {
        entry.Previous!.Next = entry;
        if (entry.Next is not null)
        {
            entry.Next.Previous = entry;
        }
    }
}
