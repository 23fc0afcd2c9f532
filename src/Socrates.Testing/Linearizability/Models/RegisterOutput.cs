namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A register answer: the value read (<see cref="Read"/>), an acknowledged write
/// (<see cref="Written"/>), or whether a cas swapped (<see cref="Swapped"/>, <see cref="NotSwapped"/>).
/// </summary>
public readonly record struct RegisterOutput<T>(T? Value, bool Succeeded)
{
    public static RegisterOutput<T> Written => new(default, true);

    public static RegisterOutput<T> Swapped => new(default, true);

    public static RegisterOutput<T> NotSwapped => new(default, false);

    public static RegisterOutput<T> Read(T? value) => new(value, true);
}
