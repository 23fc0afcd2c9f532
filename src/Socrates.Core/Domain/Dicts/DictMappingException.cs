namespace Socrates.Core.Domain.Dicts;

/// <summary>A V1 dict value that does not fit the field it belongs to (wrong type, bad enum).</summary>
public sealed class DictMappingException(string entity, string field, string problem)
    : Exception($"{entity}.{field}: {problem}")
{
    public string Entity { get; } = entity;

    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
