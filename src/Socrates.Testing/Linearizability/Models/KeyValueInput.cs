namespace Socrates.Testing.Linearizability.Models;

/// <summary>A key-value operation on <see cref="Key"/>: get, put <see cref="Value"/>, or append <see cref="Value"/>.</summary>
public sealed record KeyValueInput(KeyValueOperationKind Kind, string Key, string? Value = null)
{
    public static KeyValueInput Get(string key) => new(KeyValueOperationKind.Get, key);

    public static KeyValueInput Put(string key, string value) => new(KeyValueOperationKind.Put, key, value);

    public static KeyValueInput Append(string key, string value) => new(KeyValueOperationKind.Append, key, value);
}
