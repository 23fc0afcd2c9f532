namespace Socrates.Core.Search;

internal static class QueryGuard
{
    public static void Check(float[] query, string queryVersion, int k, int dimensions, string indexVersion, string context)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        EmbedderVersionMismatchException.ThrowIfDifferent(indexVersion, queryVersion, context);
        if (query.Length != dimensions)
        {
            throw new ArgumentException($"Query has {query.Length} dimensions; the index holds {dimensions}.", nameof(query));
        }
    }
}
