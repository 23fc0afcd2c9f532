namespace Socrates.Accuracy.Tests.Search;

/// <summary>Runs an async factory once and hands every caller its result (an expensive fixture shared by tests).</summary>
internal sealed class AsyncOnce<T>(Func<Task<T>> factory) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;
    private bool _created;

    public async Task<T> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_created)
            {
                _value = await factory();
                _created = true;
            }

            return _value!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
