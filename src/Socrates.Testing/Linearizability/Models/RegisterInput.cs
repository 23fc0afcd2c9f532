namespace Socrates.Testing.Linearizability.Models;

/// <summary>A register operation: read, write <see cref="Value"/>, or cas <see cref="Expected"/> to <see cref="Value"/>.</summary>
public sealed record RegisterInput<T>(RegisterOperationKind Kind, T? Value = default, T? Expected = default)
{
    public static RegisterInput<T> Read() => new(RegisterOperationKind.Read);

    public static RegisterInput<T> Write(T value) => new(RegisterOperationKind.Write, value);

    public static RegisterInput<T> Cas(T expected, T value) => new(RegisterOperationKind.Cas, value, expected);
}
