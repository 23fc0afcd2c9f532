namespace Socrates.Testing.Linearizability.Models;

/// <summary>A typed value equality seen through <see cref="object"/>, for <see cref="IWrittenValueModel{TInput, TOutput}"/>.</summary>
internal sealed class BoxedValueComparer<T>(IEqualityComparer<T?> values) : IEqualityComparer<object?>
{
    public new bool Equals(object? x, object? y) => values.Equals((T?)x, (T?)y);

    public int GetHashCode(object? obj) => obj is null ? 0 : values.GetHashCode((T)obj);
}
