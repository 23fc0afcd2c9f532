using Socrates.Core.V2.Errors;

namespace Socrates.Core.V2.Validation;

/// <summary>Input rejected before any SQL ran: which <see cref="Field"/> and what <see cref="Problem"/>.</summary>
public sealed class ValidationException(string operation, string? key, string field, string problem)
    : DatabaseException(DatabaseErrorCode.Validation, operation, key, $"Invalid {field}: {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
