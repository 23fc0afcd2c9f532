namespace Socrates.Testing.Linearizability.Models;

/// <summary>A document store's answer; <see cref="Version"/> and <see cref="Value"/> matter for Saved (version) and Loaded (both).</summary>
public sealed record DocumentOutput(DocumentOutcome Outcome, long Version = 0, string? Value = null)
{
    public static DocumentOutput Conflict { get; } = new(DocumentOutcome.Conflict);

    public static DocumentOutput NotFound { get; } = new(DocumentOutcome.NotFound);

    public static DocumentOutput Deleted { get; } = new(DocumentOutcome.Deleted);

    public static DocumentOutput Saved(long newVersion) => new(DocumentOutcome.Saved, newVersion);

    public static DocumentOutput Loaded(long version, string value) => new(DocumentOutcome.Loaded, version, value);

    public override string ToString() => Outcome switch
    {
        DocumentOutcome.Saved => $"saved v{Version}",
        DocumentOutcome.Loaded => $"v{Version} \"{Value}\"",
        DocumentOutcome.Conflict => "conflict",
        DocumentOutcome.NotFound => "not found",
        _ => "deleted",
    };
}
