namespace Socrates.Core.Flags;

/// <summary>
/// One switch per optimisation, bound from the configuration section <c>Socrates:Flags</c> (JSON)
/// or environment variables <c>SOCRATES_FLAGS__NAME=true</c>. Every new path is off by default:
/// an empty configuration runs the old system.
/// </summary>
public sealed class SocratesFlags
{
    /// <summary>The configuration section the flags live in.</summary>
    public const string SectionName = "Socrates:Flags";

    /// <summary>Serve reads through the bounded cache (read-through, invalidate after commit).</summary>
    public bool Caching { get; set; }

    /// <summary>Load large child collections (conversation history, notes) on demand. Needs <see cref="V2Reads"/>.</summary>
    public bool LazyLoading { get; set; }

    /// <summary>Use the asynchronous database access layer.</summary>
    public bool AsyncDatabase { get; set; }

    /// <summary>Serve reads from the normalized V2 schema. Needs the V2 schema migrated.</summary>
    public bool V2Reads { get; set; }

    /// <summary>
    /// Read both schemas and compare the answers (shadow reads). Needs the V2 schema migrated; does
    /// not need <see cref="V2Reads"/>: with it off, V1 serves and V2 is the shadow (the safe way to
    /// gain confidence before the switch); with it on, V2 serves and V1 is the shadow.
    /// </summary>
    public bool DualRun { get; set; }

    /// <summary>The flag names, as written in configuration (matched case-insensitively).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [nameof(Caching), nameof(LazyLoading), nameof(AsyncDatabase), nameof(V2Reads), nameof(DualRun)];

    /// <summary>The flags that are on, for logs and reports.</summary>
    public IReadOnlyList<string> Enabled() =>
        Names.Where(name => name switch
        {
            nameof(Caching) => Caching,
            nameof(LazyLoading) => LazyLoading,
            nameof(AsyncDatabase) => AsyncDatabase,
            nameof(V2Reads) => V2Reads,
            nameof(DualRun) => DualRun,
            _ => false,
        }).ToArray();
}
