namespace Socrates.Testing.Linearizability.Models;

/// <summary>The value a register holds.</summary>
public sealed record RegisterState<T>(T? Value)
{
    public override string ToString() => RegisterModel<T>.Show(Value);
}
