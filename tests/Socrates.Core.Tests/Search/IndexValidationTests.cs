using System.Collections.Immutable;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class IndexValidationTests
{
    private static readonly List<VectorRecord> s_records = TestVectors.Records(31, 300);

    private static IvfIndex Index() => IvfIndex.Build(s_records, 32, TestVectors.Version, new IvfOptions { Lists = 6 });

    [Fact]
    public void Validate_ConsistentIndex_Valid()
    {
        var report = Index().Validate(s_records);

        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(300, report.IndexedCount);
    }

    [Fact]
    public void Validate_StoreHasEntryIndexLacks_MissingEntry()
    {
        var extra = new VectorRecord("extra", KnowledgeScope.Global, null, s_records[0].Vector);

        AssertOnly(Index().Validate([.. s_records, extra]), IndexValidationIssueKind.MissingEntry, "extra");
    }

    [Fact]
    public void Validate_IndexHasEntryStoreLacks_OrphanEntry()
    {
        AssertOnly(Index().Validate(s_records.Skip(1)), IndexValidationIssueKind.OrphanEntry, s_records[0].Id);
    }

    [Fact]
    public void Validate_StoreVectorChanged_StaleVector()
    {
        var changed = s_records.Select((r, i) => i == 7 ? r with { Vector = TestVectors.Unit(new Random(1), 32) } : r);

        AssertOnly(Index().Validate(changed), IndexValidationIssueKind.StaleVector, s_records[7].Id);
    }

    [Fact]
    public void Validate_IdInTwoLists_DuplicateEntry()
    {
        var index = Index();
        var lists = index.Lists;
        var victim = lists[0].RecordAt(0);
        var corrupted = Rebuilt(index, lists.SetItem(1, lists[1].WithAppended(victim)));

        var report = corrupted.Validate(s_records);

        Assert.Contains(report.Issues, i => i.Kind == IndexValidationIssueKind.DuplicateEntry && i.Subject == victim.Id);
    }

    [Fact]
    public void Validate_LocatorWrong_LocatorMismatch()
    {
        var index = Index();
        var id = index.Lists[0].Ids[0];
        var locator = index.Lists.SelectMany((b, l) => b.Ids.Select(x => KeyValuePair.Create(x, l)))
            .ToImmutableDictionary(StringComparer.Ordinal).SetItem(id, 1);
        var corrupted = new IvfIndex(32, TestVectors.Version, 1, 1, 0, index.Centroids.ToArray(), index.Lists, locator, 0, ScopeCounts.From(s_records), null);
        corrupted = corrupted.WithChecksum(corrupted.ComputeChecksum());

        AssertOnly(corrupted.Validate(s_records), IndexValidationIssueKind.LocatorMismatch, id);
    }

    [Fact]
    public void Validate_NaNCentroid_NonFiniteCentroid()
    {
        var index = Index();
        var centroids = index.Centroids.ToArray();
        centroids[5] = float.NaN;
        var corrupted = new IvfIndex(32, TestVectors.Version, 1, 1, 0, centroids, index.Lists, Locator(index.Lists), 0, ScopeCounts.From(s_records), null);
        corrupted = corrupted.WithChecksum(corrupted.ComputeChecksum());

        AssertOnly(corrupted.Validate(s_records), IndexValidationIssueKind.NonFiniteCentroid, "list 0");
    }

    [Fact]
    public void Validate_ChecksumTampered_ChecksumMismatch()
    {
        var index = Index();

        AssertOnly(index.WithChecksum(index.Checksum + 1).Validate(s_records), IndexValidationIssueKind.ChecksumMismatch, "index");
    }

    [Fact]
    public void Validate_VectorBitFlippedInPlace_ChecksumAndStale()
    {
        var index = Index();
        index.Lists[2].Vectors[3] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(index.Lists[2].Vectors[3]) ^ 1);

        var report = index.Validate(s_records);

        Assert.Contains(report.Issues, i => i.Kind == IndexValidationIssueKind.ChecksumMismatch);
        Assert.Contains(report.Issues, i => i.Kind == IndexValidationIssueKind.StaleVector);
    }

    private static IvfIndex Rebuilt(IvfIndex index, ImmutableArray<VectorBlock> lists)
    {
        var corrupted = new IvfIndex(32, TestVectors.Version, 1, 1, 0, index.Centroids.ToArray(), lists, Locator(lists), 0, ScopeCounts.From(s_records), null);
        return corrupted.WithChecksum(corrupted.ComputeChecksum());
    }

    private static ImmutableDictionary<string, int> Locator(ImmutableArray<VectorBlock> lists)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < lists.Length; l++)
        {
            foreach (var id in lists[l].Ids)
            {
                builder.TryAdd(id, l);
            }
        }

        return builder.ToImmutable();
    }

    private static void AssertOnly(IndexValidationReport report, IndexValidationIssueKind kind, string subject)
    {
        Assert.False(report.IsValid);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(kind, issue.Kind);
        Assert.Equal(subject, issue.Subject);
    }
}
