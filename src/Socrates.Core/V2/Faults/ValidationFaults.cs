using Socrates.Core.Failpoints;
using Socrates.Core.V2.Validation;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// The canary of input validation, as the step that enforces a violation: off (one field read,
/// paid only on a rejected input), the violation is thrown; under <see cref="V2Failpoints.ValidationOff"/>,
/// every rule is still checked and none is enforced, so hostile input reaches SQL.
/// </summary>
internal static class ValidationFaults
{
    public static void Enforce(ValidationException violation)
    {
        if (!Failpoint.IsActive(V2Failpoints.ValidationOff))
        {
            throw violation;
        }
    }
}
