using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// One run of a program: the database history checked against <see cref="ProjectModel"/>, the
/// cache history checked against <see cref="KeyValueModel"/> (a register per key), and the
/// failures the runner did not expect (anything but a conflict, a timeout, an overload or busy).
/// </summary>
public sealed class ProgramRunResult
{
    internal ProgramRunResult(
        CheckResult<ProjectCall, ProjectAnswer> database,
        CheckResult<KeyValueInput, string?> cache,
        IReadOnlyList<string> unexpectedErrors)
    {
        Database = database;
        Cache = cache;
        UnexpectedErrors = unexpectedErrors;
    }

    /// <summary>The database steps' verdict.</summary>
    public CheckResult<ProjectCall, ProjectAnswer> Database { get; }

    /// <summary>The cached repository steps' verdict.</summary>
    public CheckResult<KeyValueInput, string?> Cache { get; }

    /// <summary>Errors that are neither a typed conflict, a timeout, an overload nor busy.</summary>
    public IReadOnlyList<string> UnexpectedErrors { get; }

    /// <summary>NotLinearizable if either history is; else Unknown if either is; else Linearizable.</summary>
    public CheckOutcome Outcome =>
        Database.Outcome == CheckOutcome.NotLinearizable || Cache.Outcome == CheckOutcome.NotLinearizable ? CheckOutcome.NotLinearizable
        : Database.Outcome == CheckOutcome.Unknown || Cache.Outcome == CheckOutcome.Unknown ? CheckOutcome.Unknown
        : CheckOutcome.Linearizable;

    /// <summary>Operations the checker judged (both histories).</summary>
    public int OperationsChecked => Database.Partitions.Sum(p => p.OperationCount) + Cache.Partitions.Sum(p => p.OperationCount);

    /// <summary>True when the cache history is the one that failed.</summary>
    public bool CacheViolated => Cache.Outcome == CheckOutcome.NotLinearizable;

    /// <summary>The timeline(s) of the failing history, or of both when none failed.</summary>
    public string Render()
    {
        var parts = new List<string>();
        if (Database.Outcome != CheckOutcome.Linearizable || Cache.Outcome == CheckOutcome.Linearizable)
        {
            parts.Add("database history:" + Environment.NewLine + TimelineRenderer.Render(Database));
        }

        if (Cache.Outcome != CheckOutcome.Linearizable || Database.Outcome == CheckOutcome.Linearizable)
        {
            parts.Add("cached repository history:" + Environment.NewLine + TimelineRenderer.Render(Cache));
        }

        if (UnexpectedErrors.Count > 0)
        {
            parts.Add("unexpected errors:" + Environment.NewLine + string.Join(Environment.NewLine, UnexpectedErrors));
        }

        return string.Join(Environment.NewLine, parts);
    }
}
