namespace Socrates.Core.Domain;

/// <summary>
/// The project status values. V1 keeps <c>status</c> as free text; the app writes
/// <c>active</c> (default), <c>completed</c>, <c>on-hold</c> and <c>archived</c>, and V2 enforces
/// exactly this set with a CHECK constraint. Anything else in a V1 blob is for the migrator to
/// map or reject explicitly.
/// </summary>
public static class ProjectStatuses
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string OnHold = "on-hold";
    public const string Archived = "archived";

    public static IReadOnlyList<string> All { get; } = [Active, Completed, OnHold, Archived];

    public static bool IsValid(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}
