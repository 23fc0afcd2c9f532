using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain.Values;

namespace Socrates.Core.V2.Rows;

/// <summary>Binding and reading helpers: the one place that decides how a .NET value is stored.</summary>
internal static class SqlValues
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand WithTime(this SqliteCommand command, string name, DateTime? value) =>
        command.With(name, PyDateTime.ToStorage(value));

    public static SqliteCommand WithDecimal(this SqliteCommand command, string name, decimal value) =>
        command.With(name, value.ToString(CultureInfo.InvariantCulture));

    public static SqliteCommand WithBool(this SqliteCommand command, string name, bool value) =>
        command.With(name, value ? 1L : 0L);

    public static SqliteCommand WithJson(this SqliteCommand command, string name, object? value) =>
        command.With(name, PyJson.SerializeNullable(value));

    public static string? Text(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string RequiredText(this SqliteDataReader reader, int ordinal) => reader.GetString(ordinal);

    public static bool Flag(this SqliteDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    public static DateTime? Time(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PyDateTime.Parse(reader.GetString(ordinal));

    public static DateTime RequiredTime(this SqliteDataReader reader, int ordinal) => PyDateTime.Parse(reader.GetString(ordinal));

    public static decimal Decimal(this SqliteDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> JsonDict(this SqliteDataReader reader, int ordinal) =>
        PyJson.DeserializeDict(reader.GetString(ordinal));

    public static Dictionary<string, object?>? NullableJsonDict(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PyJson.DeserializeDict(reader.GetString(ordinal));

    public static List<object?> JsonList(this SqliteDataReader reader, int ordinal) =>
        PyJson.DeserializeList(reader.GetString(ordinal));

    public static List<string> JsonStrings(this SqliteDataReader reader, int ordinal) =>
        PyJson.DeserializeList(reader.GetString(ordinal)).Select(s => (string)s!).ToList();

    public static string StringsJson(List<string> values) => PyJson.Serialize(values.Cast<object?>().ToList());
}
