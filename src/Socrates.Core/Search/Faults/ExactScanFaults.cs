using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Search.Faults;

/// <summary>
/// The canary of exact search, as the scan it runs: off (one field read, inlined into the
/// benchmarked search), the block's in-place scan; under <see cref="SearchFailpoints.ExactCopyRows"/>,
/// the naive scan of one copied record at a time (same answers, a copy of every row).
/// </summary>
internal static class ExactScanFaults
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scan(VectorBlock block, float[] query, ScopeFilter filter, TopKCollector top)
    {
        if (Failpoint.IsActive(SearchFailpoints.ExactCopyRows))
        {
            ScanCopies(block, query, filter, top);
            return;
        }

        block.Scan(query, filter, top);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScanCopies(VectorBlock block, ReadOnlySpan<float> query, ScopeFilter filter, TopKCollector top)
    {
        SearchFailpoints.CountCopyingScan();
        for (var i = 0; i < block.Count; i++)
        {
            var record = block.RecordAt(i);
            if (filter.Matches(record.Scope, record.ProjectId))
            {
                top.Offer(record.Id, TensorPrimitives.Dot(query, record.Vector));
            }
        }
    }
}
