using Microsoft.Extensions.Options;
using Socrates.Core.Flags.Faults;

namespace Socrates.Core.Flags;

/// <summary>
/// Refuses flag combinations that would run an unsafe or meaningless path:
/// <list type="bullet">
/// <item><c>V2Reads</c> without the V2 schema migrated: reads would hit missing or half-filled tables.</item>
/// <item><c>DualRun</c> without the V2 schema migrated: the shadow reads would compare against nothing.
/// (<c>DualRun</c> without <c>V2Reads</c> is allowed on purpose: V1 serves, V2 is the shadow.)</item>
/// <item><c>LazyLoading</c> without <c>V2Reads</c>: V1 rows are single blobs, there is nothing to load
/// lazily; the flag would silently do nothing and hide a configuration mistake.</item>
/// </list>
/// Use <see cref="Validate(SocratesFlags, ISchemaState)"/> at startup (it throws), or register
/// this class as <see cref="IValidateOptions{TOptions}"/> with the options system.
/// </summary>
public sealed class FlagsValidator(ISchemaState schema) : IValidateOptions<SocratesFlags>
{
    /// <summary>Every violation of <paramref name="flags"/> against <paramref name="schema"/>, in a stable order.</summary>
    public static IReadOnlyList<FlagViolation> Check(SocratesFlags flags, ISchemaState schema)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(schema);
        var violations = new List<FlagViolation>();

        if (flags.V2Reads && !schema.IsV2SchemaMigrated)
        {
            violations.Add(new FlagViolation(FlagErrorCode.UnsafeCombination, nameof(SocratesFlags.V2Reads), "true",
                "reads from the V2 schema need the V2 schema migrated, and it is not."));
        }

        if (flags.DualRun && !schema.IsV2SchemaMigrated)
        {
            violations.Add(new FlagViolation(FlagErrorCode.UnsafeCombination, nameof(SocratesFlags.DualRun), "true",
                "comparing V1 with V2 needs the V2 schema migrated, and it is not."));
        }

        if (flags.LazyLoading && !flags.V2Reads)
        {
            violations.Add(new FlagViolation(FlagErrorCode.UnsafeCombination, nameof(SocratesFlags.LazyLoading), "true",
                $"lazy loading exists only on the V2 schema; turn on {nameof(SocratesFlags.V2Reads)} or turn this off."));
        }

        return FlagsFaults.Reported(violations);
    }

    /// <summary>Throws <see cref="FlagConfigurationException"/> for the first violation (naming the flag).</summary>
    public static void Validate(SocratesFlags flags, ISchemaState schema)
    {
        var violations = Check(flags, schema);
        if (violations.Count > 0)
        {
            throw violations[0].ToException();
        }
    }

    /// <summary>Binds strictly from configuration and validates: the whole startup check in one call.</summary>
    public static SocratesFlags Load(Microsoft.Extensions.Configuration.IConfiguration configuration, ISchemaState schema)
    {
        var flags = FlagsBinder.Bind(configuration);
        Validate(flags, schema);
        return flags;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SocratesFlags options)
    {
        var violations = Check(options, schema);
        return violations.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(violations.Select(v => $"Feature flag '{v.Flag}' ({v.Code}): {v.Reason}"));
    }
}
