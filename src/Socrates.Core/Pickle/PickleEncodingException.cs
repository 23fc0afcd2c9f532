namespace Socrates.Core.Pickle;

/// <summary>
/// A .NET value the encoder cannot write as a pickle of the value model. <see cref="Path"/> says
/// where it sits (e.g. <c>$.team_members[2].joined_at</c>), <see cref="ValueType"/> what it is.
/// </summary>
public sealed class PickleEncodingException(string path, Type? valueType, string detail)
    : Exception($"Cannot pickle the value at {path} ({valueType?.FullName ?? "null"}): {detail}")
{
    public string Path { get; } = path;

    public Type? ValueType { get; } = valueType;

    public string Detail { get; } = detail;
}
