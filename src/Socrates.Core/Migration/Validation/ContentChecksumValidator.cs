using System.Security.Cryptography;
using System.Text;

namespace Socrates.Core.Migration.Validation;

/// <summary>
/// Compares entities id by id through canonical forms both sides supply (the source's as it was
/// meant to be migrated, the target's as it reads back): lists the ids whose checksums differ,
/// with the first differing field when the canonical form is field-structured.
/// </summary>
public static class ContentChecksumValidator
{
    public const string Name = "content-checksum";

    /// <summary>Compares field-structured canonical forms; a null form means the entity is absent on that side.</summary>
    public static ValidationResult Validate(
        string subject,
        IEnumerable<string> ids,
        Func<string, CanonicalEntity?> expected,
        Func<string, CanonicalEntity?> actual,
        int maxOffenders = ValidationResult.DefaultMaxOffenders)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return Compare(subject, ids, maxOffenders, id =>
        {
            var e = expected(id);
            var a = actual(id);
            return (e, a) switch
            {
                (null, null) => null,
                (null, _) => "unexpected",
                (_, null) => "absent",
                _ when e.Checksum() == a.Checksum() => null,
                _ => "field " + (e.FirstDifferingField(a) ?? "(order)"),
            };
        });
    }

    /// <summary>Compares plain canonical strings (no field to point at).</summary>
    public static ValidationResult Validate(
        string subject,
        IEnumerable<string> ids,
        Func<string, string?> expected,
        Func<string, string?> actual,
        int maxOffenders = ValidationResult.DefaultMaxOffenders)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return Compare(subject, ids, maxOffenders, id =>
        {
            var e = expected(id);
            var a = actual(id);
            return (e, a) switch
            {
                (null, null) => null,
                (null, _) => "unexpected",
                (_, null) => "absent",
                _ when Hash(e) == Hash(a) => null,
                _ => "content",
            };
        });
    }

    private static ValidationResult Compare(string subject, IEnumerable<string> ids, int maxOffenders, Func<string, string?> difference)
    {
        ArgumentNullException.ThrowIfNull(ids);
        long checkedCount = 0, failures = 0;
        var offenders = new List<string>();
        foreach (var id in ids)
        {
            checkedCount++;
            var why = difference(id);
            if (why is null)
            {
                continue;
            }

            failures++;
            if (offenders.Count < maxOffenders)
            {
                offenders.Add($"{id} ({why})");
            }
        }

        return new ValidationResult(Name, subject, failures == 0, checkedCount, failures, offenders,
            $"{checkedCount} entities compared, {failures} differ");
    }

    private static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
