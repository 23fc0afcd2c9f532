namespace Socrates.Testing.Concurrency;

/// <summary>The shape of a database answer recorded in a history.</summary>
public enum ProjectAnswerKind
{
    /// <summary>A save committed: <see cref="ProjectAnswer.Number"/> is the new version.</summary>
    Saved,

    /// <summary>A typed <c>ConcurrencyConflictException</c>: the expected version was stale.</summary>
    Conflict,

    /// <summary>A load found the project: version and value.</summary>
    Loaded,

    /// <summary>The project was absent (load null, delete false, append null).</summary>
    NotFound,

    /// <summary>Delete or a collaborator change answered true.</summary>
    Done,

    /// <summary>A collaborator change answered false (project absent, or nothing to add/remove).</summary>
    Unchanged,

    /// <summary>An append: <see cref="ProjectAnswer.Number"/> is the new message's position.</summary>
    Position,

    /// <summary>A count: <see cref="ProjectAnswer.Number"/>.</summary>
    Count,
}
