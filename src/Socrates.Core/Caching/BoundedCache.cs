using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Socrates.Core.Caching.Faults;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Caching;

/// <summary>
/// A thread-safe, bounded, expiring cache that cannot install a stale value.
/// </summary>
/// <remarks>
/// <para><b>Bounds.</b> At most <c>MaxEntries</c> entries and, with a size function, at most
/// <c>MaxBytes</c> bytes, enforced synchronously inside the same lock that installs an entry: room
/// is made before the entry goes in, so no reader ever observes the cache over its bound.</para>
/// <para><b>Expiry.</b> An entry installed at time <c>t</c> with time to live <c>ttl</c> is served
/// while <c>now &lt; t + ttl</c> and never at or after <c>t + ttl</c>; time is the injected
/// <see cref="TimeProvider"/>'s monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>), so
/// a step of the wall clock neither expires nor revives entries (<see cref="ExpiryClock"/>).
/// Expired entries are removed when met (read, or chosen for eviction).</para>
/// <para><b>Versioned keys, O(1) flush.</b> Every operation takes a monotonically increasing stamp.
/// An entry is valid only if installed after the last whole-cache flush (<see cref="InvalidateAll"/>
/// or a <see cref="SetVersion"/> to a different version), so a flush is one store of the flush stamp;
/// flushed entries stay until the eviction policy reclaims them and count towards the bound meanwhile.
/// The version is therefore part of every key's identity, and going back to an earlier version does
/// not revive entries cached under it (stamps, unlike version strings, never repeat).</para>
/// <para><b>Generations.</b> <see cref="BeginRead"/> hands out a token carrying the current stamp;
/// <see cref="Set"/> and <see cref="Invalidate"/> record a change stamp for their key, a flush
/// records one for every key. <see cref="TrySet"/> installs only if no change of the key (and no
/// flush) has a stamp after the token's: a read that began before a write and finishes after it
/// cannot install what it read. Change stamps are pruned wholesale past <c>MaxTrackedChanges</c>,
/// which only makes installs of older tokens fail (a miss, never a stale read).</para>
/// <para><b>Stampede protection.</b> <see cref="GetOrLoadAsync"/> runs one loader per key at a time;
/// concurrent misses await the same task. A failed load is not cached and its error reaches every
/// waiter; a waiter's cancellation ends only its own wait. A change of the key detaches the running
/// load, so later misses start a fresh one instead of joining a load that began before the change.
/// Null loaded values mean "not found" and are returned but never cached.</para>
/// <para><b>Eviction policy (measured).</b> SIEVE is the default. On the seeded Zipf workload of
/// the property suite (s = 1.0, 10 000 keys, capacity 1 000, 200 000 reads of which the first
/// 20 000 warm up, read-through on miss; <c>ZipfHitRateTests</c>, evidence <c>cache-zipf.json</c>)
/// SIEVE hit 0.734 of reads and LRU 0.673, against a ceiling of 0.765 for an oracle holding the
/// 1 000 most popular keys; at capacities 500 / 2 000 / 3 000 SIEVE led by 8 / 4 / 2.5 points.
/// SIEVE also makes a hit a flag store instead of a list move.</para>
/// <para><b>Why not Microsoft.Extensions.Caching.Memory.</b> Its <c>MemoryCache</c> has no
/// conditional install: nothing like a generation check, so a load that overlapped a write could
/// put the old value back, and its flushes (<c>Clear</c>, or a change token shared by every entry)
/// do not refuse installs by loads begun before them. Its <c>SizeLimit</c> counts sizes the caller
/// declares per entry, refuses an entry that would exceed the limit and schedules compaction on a
/// background task (learn.microsoft.com, "Use SetSize, Size, and SizeLimit to limit cache size";
/// dotnet/runtime#42624 and #97736), so "make room, then insert" is not one atomic step and the
/// hit rate after the limit depends on when compaction ran. The stamps, the coalescing and the
/// bound would have needed a second index of our own on top of it anyway.</para>
/// <para><b>Locking.</b> One lock guards every change of state: installs, removals, eviction,
/// flushes, change stamps, loads in flight and the counters other than hits and misses. That keeps
/// the invariants simple to state and to check; the loader runs outside it, the size function inside.</para>
/// <para><b>The hit path takes no lock.</b> The index is a <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// written only under the lock and read without it. A hit is: one lookup; the entry's stamp against
/// the flush stamp (one volatile read); its deadline against the clock (<see cref="ExpiryClock"/>:
/// a coarse clock proves most hits fresh without the precise one); the SIEVE visited flag, stored
/// only when not already set; and an atomic increment of the calling thread's stripe of the hit
/// counter (<see cref="ReadCounters"/>). Anything else (absent, flushed or expired entry, the LRU policy
/// that must move the entry, the <c>cache.ignore-ttl</c> canary) falls through to the locked path.
/// A lock-free hit is linearizable at its lookup: an entry removed
/// or flushed by an operation that completed before the read began is not found or is refused, and
/// a read that overlaps a change may return either side of it, as any concurrent read may.</para>
/// <para><b>What a hit costs (measured).</b> The benchmark's loop (64 hits over 1 000 string keys)
/// alternated in 8 ms slices with the same loop over a bare <see cref="ConcurrentDictionary{TKey, TValue}"/>,
/// 48 ABBA rounds in a fresh process, on the suite's 2-core KVM guest (the paired suite's
/// conditions: tiered PGO off): 1.73-1.83x a dictionary lookup (every hit through the lock, the
/// <c>cache.hit.locked</c> canary: 5.9-6.3x),
/// gated at 2x by <c>bench-paired-cache-hit-overhead</c>. What keeps it there: the coarse clock read straight from the vDSO
/// (<see cref="CoarseMonotonicClock"/>, 2.3 ns against 4.6-5.9 ns through
/// <see cref="Environment.TickCount64"/>), the hit path inlined into the caller (<see cref="TryGet"/>
/// and the expiry pre-check; the precise clock and the failpoint lookup kept out of line), and the
/// hit counter's stripe picked without a thread-local read (<see cref="ReadCounters"/>). What is
/// left above the lookup: the clock read (about 0.45x) and the atomic hit count (about 0.2x), the
/// price of never serving an expired entry and of exact statistics; any cheaper "now" (a cached
/// reading, a timer) can be late and would serve entries past their time to live. With the
/// runtime's default tiered PGO the ratio reads 1.97-2.00: PGO inlines and devirtualises the
/// baseline's whole lookup into the benchmark loop, so the same few ns of extra work weigh more.</para>
/// </remarks>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<TKey, Node> _entries;
    private readonly Dictionary<TKey, long> _changes;
    private readonly Dictionary<TKey, Flight> _flights;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly ExpiryClock _clockTime;
    private readonly ReadCounters _reads = new();
    private readonly int _maxEntries;
    private readonly long? _maxBytes;
    private readonly Func<TKey, TValue, long>? _sizeOf;
    private readonly TimeSpan _timeToLive;
    private readonly EvictionPolicy _policy;
    private readonly bool _sieve;
    private readonly int _maxTrackedChanges;

    // Intrusive list: _head is the newest entry; Next points to older entries, Prev to newer ones.
    private Node? _head;
    private Node? _tail;
    private Node? _hand;

    private long _clock;
    private long _flushStamp;
    private long _changesPrunedStamp;
    private long _bytes;
    private int _count;
    private string _version;

    private long _evictions;
    private long _expirations;
    private long _invalidations;
    private long _flushes;
    private long _rejectedInstalls;
    private long _oversizedRejections;
    private long _loads;
    private long _loadFailures;
    private long _coalescedWaits;

    /// <summary>Creates a cache; throws <see cref="CacheOptionsException"/> on invalid options.</summary>
    public BoundedCache(BoundedCacheOptions<TKey, TValue> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _comparer = options.KeyComparer ?? EqualityComparer<TKey>.Default;
        _entries = new ConcurrentDictionary<TKey, Node>(_comparer);
        _changes = new Dictionary<TKey, long>(_comparer);
        _flights = new Dictionary<TKey, Flight>(_comparer);
        _clockTime = new ExpiryClock(options.TimeProvider);
        _maxEntries = options.MaxEntries;
        _maxBytes = options.MaxBytes;
        _sizeOf = options.SizeOf;
        _timeToLive = options.TimeToLive;
        _policy = options.EvictionPolicy;
        _sieve = _policy == EvictionPolicy.Sieve;
        _maxTrackedChanges = options.MaxTrackedChanges;
        _version = options.Version;
    }

    /// <summary>Entries held now (flushed ones count until reclaimed).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Bytes held now, per the size function.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The cache-wide version keys are scoped to.</summary>
    public string Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>The value cached for <paramref name="key"/>, if a valid one is held (counts a hit or a miss).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(TKey key, out TValue value)
    {
        // The canary stays inline here: a seam would cost the benchmarked hit a call (see BoundFaults).
        if (!CacheFailpoints.HitLockedFromEnvironment
            && !Failpoint.IsActiveInScope(CacheFailpoints.HitLocked)
            && TryHitWithoutLock(key, out value))
        {
            return true;
        }

        return TryGetLocked(key, out value);
    }

    /// <summary>
    /// Like <see cref="TryGet"/> but without side effects on statistics or eviction order; for
    /// reconciliation and diagnostics.
    /// </summary>
    public bool TryPeek(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && IsValid(node, _clockTime.Now()))
            {
                value = node.Value;
                return true;
            }

            value = default!;
            return false;
        }
    }

    /// <summary>
    /// Installs <paramref name="value"/> unconditionally (a write-through of a committed value).
    /// Counts as a change of the key: reads begun before it can no longer install.
    /// Returns false only when the value alone exceeds the byte bound (then nothing is cached for the key).
    /// </summary>
    public bool Set(TKey key, TValue value, TimeSpan? timeToLive = null)
    {
        var ttl = CheckTimeToLive(timeToLive);
        lock (_gate)
        {
            var stamp = RecordChangeLocked(key);
            return InstallLocked(key, value, ttl, stamp);
        }
    }

    /// <summary>A token to pass to <see cref="TrySet"/> after reading <paramref name="key"/> from the source of truth.</summary>
    public CacheReadToken<TKey> BeginRead(TKey key)
    {
        lock (_gate)
        {
            return new CacheReadToken<TKey>(key, _clock);
        }
    }

    /// <summary>
    /// Installs <paramref name="value"/> read under <paramref name="token"/> if neither the key nor the
    /// whole cache changed since the token was taken. False when refused (or oversized).
    /// </summary>
    public bool TrySet(TKey key, TValue value, CacheReadToken<TKey> token, TimeSpan? timeToLive = null)
    {
        if (!_comparer.Equals(key, token.Key))
        {
            throw new ArgumentException($"The read token was taken for key '{token.Key}', not '{key}'.", nameof(token));
        }

        var ttl = CheckTimeToLive(timeToLive);
        lock (_gate)
        {
            return TrySetLocked(key, value, token.Stamp, ttl);
        }
    }

    /// <summary>Removes <paramref name="key"/> and refuses installs of reads begun before now.</summary>
    public void Invalidate(TKey key)
    {
        lock (_gate)
        {
            RecordChangeLocked(key);
        }
    }

    /// <summary>Invalidates every entry at once, in O(1) (plus the loads in flight).</summary>
    public void InvalidateAll()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>
    /// Scopes the cache to <paramref name="version"/>. A different version invalidates every entry
    /// (O(1)); the same version changes nothing. Returns true when the version changed.
    /// </summary>
    public bool SetVersion(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        lock (_gate)
        {
            if (string.Equals(version, _version, StringComparison.Ordinal))
            {
                return false;
            }

            _version = version;
            FlushLocked();
            return true;
        }
    }

    /// <summary>
    /// The cached value, or the result of <paramref name="loader"/> run once for all concurrent
    /// misses of <paramref name="key"/>. The loader receives <see cref="CancellationToken.None"/>:
    /// the load is shared, so no single waiter may cancel it (give the loader its own timeout).
    /// <paramref name="cancellationToken"/> ends this caller's wait only.
    /// </summary>
    public Task<TValue?> GetOrLoadAsync(
        TKey key,
        Func<TKey, CancellationToken, Task<TValue?>> loader,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loader);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TValue?>(cancellationToken);
        }

        // A hit completes synchronously: no lock, no state machine.
        return TryHitWithoutLock(key, out var value)
            ? Task.FromResult<TValue?>(value)
            : LoadOnMissAsync(key, loader, cancellationToken);
    }

    /// <summary>The locked part of <see cref="GetOrLoadAsync"/>: re-check, then join or start the key's load.</summary>
    private async Task<TValue?> LoadOnMissAsync(
        TKey key,
        Func<TKey, CancellationToken, Task<TValue?>> loader,
        CancellationToken cancellationToken)
    {
        Flight flight;
        var start = false;
        lock (_gate)
        {
            if (TryGetValidLocked(key, out var node))
            {
                _reads.Hit();
                Touch(node);
                return node.Value;
            }

            _reads.Miss();
            if (_flights.TryGetValue(key, out var running))
            {
                _coalescedWaits++;
                flight = running;
            }
            else
            {
                flight = new Flight(_clock);
                _flights[key] = flight;
                start = true;
            }
        }

        if (start)
        {
            flight.Run = LoadAsync(key, loader, flight);
        }

        return await flight.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys holding a valid entry now (for reconciliation); no side effects.</summary>
    public IReadOnlyList<TKey> SnapshotKeys()
    {
        lock (_gate)
        {
            var now = _clockTime.Now();
            var keys = new List<TKey>(_count);
            foreach (var (key, node) in _entries)
            {
                if (IsValid(node, now))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
    }

    /// <summary>An immutable snapshot of the counters.</summary>
    public CacheStatistics GetStatistics()
    {
        lock (_gate)
        {
            var (hits, misses) = _reads.Sum();
            return new CacheStatistics(
                hits,
                misses,
                _evictions,
                _expirations,
                _invalidations,
                _flushes,
                _rejectedInstalls,
                _oversizedRejections,
                _loads,
                _loadFailures,
                _coalescedWaits,
                _count,
                _bytes,
                _maxEntries,
                _maxBytes,
                _version);
        }
    }

    /// <summary>
    /// The lock-free hit: true with the value when a valid entry is held and the policy needs no
    /// list move; false sends the caller to the locked path (which counts the miss, or the hit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryHitWithoutLock(TKey key, out TValue value)
    {
        // The coarse clock is read before the lookup, while few values are live across the call
        // (measured: 1.76x against 1.79x, and 1.97x against 2.06x with PGO). Sound: a coarse
        // reading below an entry's coarse deadline leaves the entry a whole CoarseMargin less a
        // tick to live, so only a pause of about a second between this read and the lookup could
        // serve it late, the same window as between any check and the caller's use of the value.
        var coarseNow = CoarseMonotonicClock.Nanoseconds();
        if (_sieve
            && _entries.TryGetValue(key, out var node)
            && node.Stamp > Volatile.Read(ref _flushStamp)
            && _clockTime.IsBeforeWithCoarse(in node.Deadline, coarseNow))
        {
            if (!node.Visited)
            {
                node.Visited = true;
            }

            _reads.Hit();
            value = node.Value;
            return true;
        }

        value = default!;
        return false;
    }

    private bool TryGetLocked(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (TryGetValidLocked(key, out var node))
            {
                _reads.Hit();
                Touch(node);
                value = node.Value;
                return true;
            }

            _reads.Miss();
            value = default!;
            return false;
        }
    }

    /// <summary>
    /// Walks the internal list and index and returns the first inconsistency found, or null:
    /// list links agree both ways, every listed node is indexed and vice versa, the tracked
    /// byte total is the sum of the entries, the hand is on the list, and the bounds hold.
    /// For tests; O(n) under the lock.
    /// </summary>
    internal string? FindInconsistency()
    {
        lock (_gate)
        {
            var listed = 0;
            long bytes = 0;
            var handSeen = _hand is null;
            Node? previous = null;
            for (var node = _head; node is not null; node = node.Next)
            {
                if (!ReferenceEquals(node.Prev, previous))
                {
                    return $"node '{node.Key}' has a wrong back link";
                }

                if (!_entries.TryGetValue(node.Key, out var indexed) || !ReferenceEquals(indexed, node))
                {
                    return $"node '{node.Key}' is listed but not indexed";
                }

                handSeen |= ReferenceEquals(node, _hand);
                listed++;
                bytes += node.Bytes;
                previous = node;
                if (listed > _entries.Count)
                {
                    return "the list is longer than the index (cycle?)";
                }
            }

            if (!ReferenceEquals(previous, _tail))
            {
                return "the tail is not the last node";
            }

            if (listed != _entries.Count || _count != _entries.Count)
            {
                return $"{listed} nodes listed, {_entries.Count} indexed, {_count} counted";
            }

            if (bytes != _bytes)
            {
                return $"tracked bytes {_bytes} differ from the entries' sum {bytes}";
            }

            if (!handSeen)
            {
                return "the SIEVE hand points to a node that is not on the list";
            }

            if (_entries.Count > _maxEntries || _bytes > _maxBytes)
            {
                return $"bounds exceeded: {_entries.Count} entries, {_bytes} bytes";
            }

            return null;
        }
    }

    private async Task LoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue?>> loader, Flight flight)
    {
        TValue? value;
        try
        {
            // Yield first so a loader that blocks cannot hold up the caller that started it.
            await Task.Yield();
            value = await loader(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                _loads++;
                _loadFailures++;
                DetachFlightLocked(key, flight);
            }

            if (error is OperationCanceledException canceled)
            {
                flight.Completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                flight.Completion.TrySetException(error);
            }

            return;
        }

        lock (_gate)
        {
            _loads++;
            DetachFlightLocked(key, flight);
            if (value is not null)
            {
                TrySetLocked(key, value, flight.Stamp, _timeToLive);
            }
        }

        flight.Completion.TrySetResult(value);
    }

    private void DetachFlightLocked(TKey key, Flight flight)
    {
        if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
        {
            _flights.Remove(key);
        }
    }

    private bool TrySetLocked(TKey key, TValue value, long tokenStamp, TimeSpan ttl)
    {
        var changed = _changes.TryGetValue(key, out var changeStamp) && changeStamp > tokenStamp;
        if (changed || _flushStamp > tokenStamp || _changesPrunedStamp > tokenStamp)
        {
            _rejectedInstalls++;
            return false;
        }

        return InstallLocked(key, value, ttl, ++_clock);
    }

    private long RecordChangeLocked(TKey key)
    {
        if (_changes.Count >= _maxTrackedChanges && !_changes.ContainsKey(key))
        {
            // Forget every change stamp at once; reads begun before this point can no longer install.
            _changesPrunedStamp = ++_clock;
            _changes.Clear();
        }

        var stamp = ++_clock;
        _changes[key] = stamp;
        _invalidations++;
        _flights.Remove(key);
        if (_entries.TryGetValue(key, out var node))
        {
            RemoveLocked(node);
        }

        return stamp;
    }

    private void FlushLocked()
    {
        Volatile.Write(ref _flushStamp, ++_clock);
        _flights.Clear();
        _flushes++;
    }

    private bool InstallLocked(TKey key, TValue value, TimeSpan ttl, long stamp)
    {
        var size = _sizeOf?.Invoke(key, value) ?? 0;
        if (size < 0)
        {
            throw new InvalidOperationException($"The cache's size function returned {size} bytes for key '{key}'; sizes must not be negative.");
        }

        if (_entries.TryGetValue(key, out var existing))
        {
            RemoveLocked(existing);
        }

        if (size > _maxBytes)
        {
            _oversizedRejections++;
            return false;
        }

        if (BoundFaults.EnforcesBound)
        {
            while (_count + 1 > _maxEntries || (_maxBytes is { } maxBytes && _bytes + size > maxBytes))
            {
                EvictOneLocked();
            }
        }

        var node = new Node(key, value, stamp, size, _clockTime.DeadlineAfter(ttl));
        _entries[key] = node;
        _count++;
        _bytes += size;
        node.Next = _head;
        if (_head is not null)
        {
            _head.Prev = node;
        }

        _head = node;
        _tail ??= node;
        return true;
    }

    private void EvictOneLocked()
    {
        var victim = BoundFaults.EvictsNewest
            ? _head!
            : _policy == EvictionPolicy.Lru ? _tail! : SieveVictim();
        if (!IsValid(victim, _clockTime.Now()) && victim.Stamp > _flushStamp)
        {
            _expirations++;
        }
        else
        {
            _evictions++;
        }

        RemoveLocked(victim);
    }

    private Node SieveVictim()
    {
        var node = _hand ?? _tail!;
        while (node.Visited)
        {
            node.Visited = false;
            node = node.Prev ?? _tail!;
        }

        // The hand rests on the victim; unlinking it moves the hand on to the next newer entry.
        _hand = node;
        return node;
    }

    private bool TryGetValidLocked(TKey key, out Node node)
    {
        if (!_entries.TryGetValue(key, out node!))
        {
            return false;
        }

        if (node.Stamp <= _flushStamp)
        {
            RemoveLocked(node);
            return false;
        }

        if (IsExpired(node, _clockTime.Now()))
        {
            _expirations++;
            RemoveLocked(node);
            return false;
        }

        return true;
    }

    private bool IsValid(Node node, long now) => node.Stamp > _flushStamp && !IsExpired(node, now);

    private static bool IsExpired(Node node, long now) =>
        BoundFaults.Expires(!ExpiryClock.IsBefore(in node.Deadline, now));

    private void Touch(Node node)
    {
        if (_policy == EvictionPolicy.Sieve)
        {
            node.Visited = true;
            return;
        }

        if (ReferenceEquals(node, _head))
        {
            return;
        }

        Unlink(node);
        node.Next = _head;
        _head!.Prev = node;
        _head = node;
        _tail ??= node;
    }

    private void RemoveLocked(Node node)
    {
        _entries.TryRemove(node.Key, out _);
        _count--;
        _bytes -= node.Bytes;
        Unlink(node);
    }

    private void Unlink(Node node)
    {
        if (ReferenceEquals(_hand, node))
        {
            _hand = node.Prev;
        }

        if (node.Prev is null)
        {
            _head = node.Next;
        }
        else
        {
            node.Prev.Next = node.Next;
        }

        if (node.Next is null)
        {
            _tail = node.Prev;
        }
        else
        {
            node.Next.Prev = node.Prev;
        }

        node.Prev = null;
        node.Next = null;
    }

    private TimeSpan CheckTimeToLive(TimeSpan? timeToLive)
    {
        var ttl = timeToLive ?? _timeToLive;
        if (ttl <= TimeSpan.Zero && ttl != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "A time to live must be positive, or Timeout.InfiniteTimeSpan.");
        }

        return ttl;
    }

    /// <summary>
    /// An entry. Key, value, stamp, size and deadline never change after it is published to the
    /// index (lock-free readers read them); <see cref="Visited"/> is set by lock-free readers and
    /// cleared by the SIEVE hand under the lock (a race between the two only blurs the order by one
    /// sweep, as SIEVE tolerates); the links are touched only under the lock.
    /// </summary>
    private sealed class Node(TKey key, TValue value, long stamp, long bytes, ExpiryClock.Deadline deadline)
    {
        public TKey Key { get; } = key;

        public TValue Value { get; } = value;

        public long Stamp { get; } = stamp;

        public long Bytes { get; } = bytes;

        // A field, not a property: the hit path passes it by reference instead of copying it.
        public readonly ExpiryClock.Deadline Deadline = deadline;

        public bool Visited { get; set; }

        public Node? Prev { get; set; }

        public Node? Next { get; set; }
    }

    private sealed class Flight(long stamp)
    {
        public long Stamp { get; } = stamp;

        public TaskCompletionSource<TValue?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The running load; kept so the task is referenced, its outcome goes to <see cref="Completion"/>.</summary>
        public Task? Run { get; set; }
    }
}
