using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class QueryLogTests
{
    [Fact]
    public void Record_BelowCapacity_KeepsEveryQueryInOrder()
    {
        var log = new QueryLog(capacity: 5, seed: 1);
        for (var i = 0; i < 3; i++)
        {
            log.Record([i, 1f]);
        }

        Assert.Equal(3, log.Seen);
        Assert.Equal([0f, 1f, 2f], log.Snapshot().Select(q => q[0]));
    }

    [Fact]
    public void Record_LongStream_SampleIsUniformOverTheStream()
    {
        // 50 seeded reservoirs of 100 over a stream of 10,000: each tenth of the stream should
        // hold a tenth of the 5,000 kept (binomial sd about 21); keep-the-first or keep-the-last
        // bugs put 0 or 5,000 in one tenth.
        var perTenth = new int[10];
        for (var seed = 0; seed < 50; seed++)
        {
            var log = new QueryLog(capacity: 100, seed);
            for (var i = 0; i < 10_000; i++)
            {
                log.Record([i]);
            }

            Assert.Equal(10_000, log.Seen);
            var sample = log.Snapshot();
            Assert.Equal(100, sample.Count);
            foreach (var query in sample)
            {
                perTenth[(int)query[0] / 1000]++;
            }
        }

        Assert.All(perTenth, count => Assert.InRange(count, 400, 600));
    }

    [Fact]
    public void Record_CallerChangesItsArrayAfterwards_SampleKeepsTheQueryAsRecorded()
    {
        var log = new QueryLog(capacity: 2, seed: 1);
        float[] query = [1f, 2f];
        log.Record(query);
        query[0] = 99f;

        Assert.Equal([1f, 2f], log.Snapshot()[0]);
    }

    [Fact]
    public void Record_ZeroCapacity_KeepsNothing()
    {
        var log = new QueryLog(capacity: 0, seed: 1);
        log.Record([1f]);

        Assert.Empty(log.Snapshot());
    }

    [Fact]
    public void Record_ConcurrentWriters_CountsEveryQueryAndFillsTheSample()
    {
        var log = new QueryLog(capacity: 64, seed: 3);
        Parallel.For(0, 20_000, i => log.Record([i]));

        var sample = log.Snapshot();
        Assert.Equal(20_000, log.Seen);
        Assert.Equal(64, sample.Count);
        Assert.Equal(64, sample.Select(q => q[0]).Distinct().Count());
    }
}
