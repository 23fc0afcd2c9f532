using Socrates.Core.Pickle;

namespace Socrates.Properties.Tests.Pickle;

/// <summary>One generated value of the value model and the protocol to pickle it with.</summary>
public sealed record PyCase(object? Value, int Protocol)
{
    public override string ToString() => $"protocol {Protocol}: {PyTaggedJson.Write(Value)}";
}
