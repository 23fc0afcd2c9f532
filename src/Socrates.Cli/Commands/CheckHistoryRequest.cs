using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Jepsen;

namespace Socrates.Cli.Commands;

/// <summary>What <c>check-history</c> was asked, the same for every file it checks.</summary>
internal sealed record CheckHistoryRequest(string Model, HistoryFormat Format, InitialValue? Initial, CheckOptions Options)
{
    /// <summary>The register's initial value: --initial as canonical EDN, else nil (the same in every form).</summary>
    public string? RegisterInitial() => Initial?.Value is null or EdnNil ? null : Initial.Value.ToString();

    /// <summary>What a key never written reads as: --initial as plain text, else the form's default.</summary>
    public string? KeyValueInitial(HistoryFormat format) =>
        Initial is { } given ? given.Value?.ToPlainString() : HistoryFormats.KeyValueInitialValue(format);
}

/// <summary>An --initial given on the command line (its value may be nil).</summary>
internal sealed record InitialValue(EdnValue? Value);
