using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Socrates.Core.Caching;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// The client: applies a history to a real <see cref="CachedRepository{TKey, TValue}"/> over an
/// in-memory source of truth and, step by step, asks <see cref="CacheModel"/> whether what the
/// cache returned or installed was allowed, and whether the bounds held. Concurrency is simulated
/// deterministically: a read is split into <see cref="CacheOperation.BeginRead"/> (token taken,
/// source read) and <see cref="CacheOperation.CompleteRead"/> (install attempt), so any
/// interleaving of reads with writes, flushes and clock moves can be generated and shrunk.
/// </summary>
public sealed class CacheModelRunner
{
    public const int MaxEntries = 4;
    public const long MaxBytes = 48;
    public const long TimeToLiveMs = 1_000;

    private readonly CacheModel _model = new(TimeToLiveMs);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly BoundedCache<string, string> _cache;
    private readonly CachedRepository<string, string> _repository;
    private readonly List<Pending> _pending = [];
    private readonly CacheModelCheck _check = new();
    private int _counter;
    private int _version = 1;

    public CacheModelRunner(EvictionPolicy policy)
    {
        _cache = new BoundedCache<string, string>(new BoundedCacheOptions<string, string>
        {
            MaxEntries = MaxEntries,
            MaxBytes = MaxBytes,
            SizeOf = static (_, value) => value.Length,
            TimeToLive = TimeSpan.FromMilliseconds(TimeToLiveMs),
            EvictionPolicy = policy,
            TimeProvider = _time,
            MaxTrackedChanges = 3,
        });
        _repository = new CachedRepository<string, string>(
            _cache,
            (key, _) => Task.FromResult(_model.Source.TryGetValue(Parse(key), out var v) ? v : null));
    }

    /// <summary>Runs <paramref name="history"/> and returns what the checker saw.</summary>
    public static async Task<CacheModelCheck> RunAsync(EvictionPolicy policy, IEnumerable<CacheOperation> history)
    {
        var runner = new CacheModelRunner(policy);
        foreach (var operation in history)
        {
            await runner.StepAsync(operation);
        }

        return runner._check;
    }

    private async Task StepAsync(CacheOperation operation)
    {
        _check.RecordStep();
        switch (operation)
        {
            case CacheOperation.TryGet(var key):
                // A poisoned key is one the repository could not invalidate at all (the cache was
                // unreachable); its guarantee is that repository reads bypass the cache, so a direct
                // cache read of it is outside the contract and not judged.
                if (_cache.TryGet(Name(key), out var got) && !_repository.IsPoisoned(Name(key)))
                {
                    _check.Record(_model.Judge(key, got), $"{operation} returned '{got}' at {_model.NowMs} ms");
                }

                break;

            case CacheOperation.Read(var key):
                var hitsBefore = _cache.GetStatistics().Hits;
                var read = await _repository.ReadAsync(Name(key), CancellationToken.None);
                var wasHit = _cache.GetStatistics().Hits > hitsBefore;
                if (read is not null && wasHit)
                {
                    _check.Record(_model.Judge(key, read), $"{operation} hit '{read}' at {_model.NowMs} ms");
                }
                else if (read is not null)
                {
                    // A miss loads the committed value, which is installed from now on.
                    if (_model.Judge(key, read) == ReadVerdict.Stale)
                    {
                        _check.Record(ReadVerdict.Stale, $"{operation} loaded '{read}' (source changed under the loader?)");
                    }

                    _model.Installed(key, read);
                }

                break;

            case CacheOperation.Put(var key, var length):
                var put = NewValue(key, length);
                _model.Source[key] = put;
                _model.Changed(key);
                _cache.Set(Name(key), put);
                _model.Installed(key, put);
                break;

            case CacheOperation.Write(var key, var length):
                var written = NewValue(key, length);
                await WriteAsync(key, _ =>
                {
                    _model.Source[key] = written;
                    return Task.CompletedTask;
                });
                break;

            case CacheOperation.OverlappedWrite(var key, var length):
                var overlapped = NewValue(key, length);
                await WriteAsync(key, _ =>
                {
                    // A concurrent reader runs inside the write window: reads the old row, installs it.
                    var token = _cache.BeginRead(Name(key));
                    if (_model.Source.TryGetValue(key, out var old))
                    {
                        _cache.TrySet(Name(key), old, token);
                    }

                    _model.Source[key] = overlapped;
                    return Task.CompletedTask;
                });
                break;

            case CacheOperation.BeginRead(var key):
                _pending.Add(new Pending(key, _cache.BeginRead(Name(key)), _model.Source.GetValueOrDefault(key), _model.GenerationOf(key)));
                break;

            case CacheOperation.CompleteRead(var slot):
                if (_pending.Count == 0)
                {
                    break;
                }

                var pending = _pending[slot % _pending.Count];
                _pending.Remove(pending);
                if (pending.Snapshot is null)
                {
                    break;
                }

                var installed = _cache.TrySet(Name(pending.Key), pending.Snapshot, pending.Token);
                var allowed = _model.MayInstall(pending.Key, pending.Generation);
                if (installed && !allowed)
                {
                    _check.RecordForbiddenInstall($"{operation}: key {pending.Key} value '{pending.Snapshot}' read before a change");
                }
                else if (installed)
                {
                    _model.Installed(pending.Key, pending.Snapshot);
                }

                break;

            case CacheOperation.InvalidateAll:
                _cache.InvalidateAll();
                _model.Flushed();
                break;

            case CacheOperation.BumpVersion:
                _cache.SetVersion((++_version).ToString(CultureInfo.InvariantCulture));
                _model.Flushed();
                break;

            case CacheOperation.Advance(var ms):
                _time.Advance(TimeSpan.FromMilliseconds(ms));
                _model.Advance(ms);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown cache operation.");
        }

        var stats = _cache.GetStatistics();
        if (stats.Count > MaxEntries || stats.Bytes > MaxBytes)
        {
            _check.RecordSizeViolation($"after {operation}: {stats.Count} entries / {stats.Bytes} bytes (bounds {MaxEntries} / {MaxBytes})");
        }
    }

    private async Task WriteAsync(int key, Func<CancellationToken, Task> commit)
    {
        _model.Changed(key);
        try
        {
            await _repository.WriteAsync(Name(key), commit, CancellationToken.None);
        }
        catch (CacheInvalidationException)
        {
            // Only under the no-compensation canary: the write committed, the cache was not repaired.
            // The model still says the key changed, so a stale entry left behind is caught on read.
        }
    }

    private string NewValue(int key, int length)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{key}:{++_counter}");
        return stem.Length >= length ? stem : stem.PadRight(length, '.');
    }

    private static string Name(int key) => "k" + key.ToString(CultureInfo.InvariantCulture);

    private static int Parse(string name) => int.Parse(name.AsSpan(1), CultureInfo.InvariantCulture);

    private sealed record Pending(int Key, CacheReadToken<string> Token, string? Snapshot, (int Key, int Global) Generation);
}
