namespace Socrates.Core.V2.Errors;

/// <summary>A schema constraint (unique, foreign key, check, not null) rejected the write; nothing was written.</summary>
public sealed class ConstraintViolationException(string operation, string? key, string detail, int sqliteExtendedCode, Exception inner)
    : DatabaseException(DatabaseErrorCode.ConstraintViolation, operation, key, $"Constraint violated: {detail}", inner)
{
    /// <summary>SQLite's extended result code (e.g. 787 foreign key, 2067 unique, 275 check).</summary>
    public int SqliteExtendedCode { get; } = sqliteExtendedCode;
}
