using System.Globalization;

namespace Socrates.Testing.Concurrency;

/// <summary>A completed database step's answer, as the model predicts and the database returned it.</summary>
public sealed record ProjectAnswer(ProjectAnswerKind Kind, long Number = 0, string? Value = null)
{
    public override string ToString() => Kind switch
    {
        ProjectAnswerKind.Saved => string.Create(CultureInfo.InvariantCulture, $"saved v{Number}"),
        ProjectAnswerKind.Loaded => string.Create(CultureInfo.InvariantCulture, $"v{Number} \"{Value}\""),
        ProjectAnswerKind.Position => string.Create(CultureInfo.InvariantCulture, $"at {Number}"),
        ProjectAnswerKind.Count => Number.ToString(CultureInfo.InvariantCulture),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
