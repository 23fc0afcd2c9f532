using Socrates.Core.Migration.Accounting;

namespace Socrates.Core.Migration.Validation;

/// <summary>Every source row is migrated or rejected, exactly once, in every table.</summary>
public static class RejectsAccountedValidator
{
    public const string Name = "rejects-accounted";

    public static ValidationResult Validate(AccountingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var mismatches = report.Mismatches;
        return new ValidationResult(Name, "migration", report.Holds, report.TotalSource, mismatches.Sum(m => Math.Abs(m.Unaccounted)),
            [.. mismatches.Select(m => $"{m.SourceTable} ({m.Unaccounted:+#;-#;0})")],
            report.Describe());
    }
}
