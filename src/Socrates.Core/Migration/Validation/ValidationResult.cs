namespace Socrates.Core.Migration.Validation;

/// <summary>
/// One validator's verdict on one subject (a table, a pair of tables, a database): how much it
/// checked, how many offended, and the first offenders by id, so a failure points at rows.
/// </summary>
public sealed record ValidationResult(string Validator, string Subject, bool Passed, long Checked, long Failures, IReadOnlyList<string> FirstOffenders, string Details)
{
    /// <summary>Offenders kept per result unless a validator is told otherwise.</summary>
    public const int DefaultMaxOffenders = 20;
}
