namespace Socrates.Core.V2;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that make sense with WAL.</summary>
public enum SynchronousMode
{
    Normal,
    Full,
}
