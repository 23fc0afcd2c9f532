using Socrates.Core.Pickle;

namespace Socrates.Properties.Tests.Pickle;

/// <summary>The property under test: decode(encode(x, p)) is x, exactly (<see cref="PyValueComparer.Strict"/>).</summary>
public static class PickleRoundTrip
{
    /// <summary>The first difference after a round trip, or null when the value came back equal.</summary>
    public static string? Check(PyCase @case)
    {
        try
        {
            var decoded = PickleDecoder.Decode(PickleEncoder.Encode(@case.Value, @case.Protocol));
            return PyValueComparer.Strict.FindDifference(@case.Value, decoded)?.ToString();
        }
        catch (Exception error) when (error is PickleFormatException or PickleEncodingException)
        {
            return error.GetType().Name + ": " + error.Message;
        }
    }
}
