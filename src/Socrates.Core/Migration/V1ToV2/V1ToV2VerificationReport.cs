using Socrates.Core.Migration.Validation;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// The V1-vs-V2 verdict: the framework's <see cref="ValidationReport"/> (one result per validator
/// and table, each with counts and first offending ids) and the headline figures the gates read.
/// </summary>
public sealed record V1ToV2VerificationReport(
    ValidationReport Report,
    long RowsCompared,
    long FieldsCompared,
    long MessagesCompared,
    long RowsLost,
    long FieldsLost,
    long ExtraRows,
    long AccountingMismatches,
    long UnmappedKeys)
{
    private static readonly System.Text.Json.JsonSerializerOptions s_json = new() { WriteIndented = true };

    public bool Clean => Report.Passed && RowsLost == 0 && FieldsLost == 0 && ExtraRows == 0 && AccountingMismatches == 0 && UnmappedKeys == 0;

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(new
    {
        clean = Clean,
        rows_compared = RowsCompared,
        fields_compared = FieldsCompared,
        messages_compared = MessagesCompared,
        rows_lost = RowsLost,
        fields_lost = FieldsLost,
        extra_rows = ExtraRows,
        accounting_mismatches = AccountingMismatches,
        unmapped_keys = UnmappedKeys,
        validators = Report.Results,
    }, s_json);
}
