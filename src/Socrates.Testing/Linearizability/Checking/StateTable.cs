namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// Interns the model states a search reaches: each distinct state is held once and known by a
/// number, so a cached configuration stores an int and compares states in one instruction,
/// however large the state (an appended-to string) grows.
/// </summary>
internal sealed class StateTable<TState>(IEqualityComparer<TState> comparer)
    where TState : notnull
{
    private readonly Dictionary<TState, int> _numbers = new(comparer);
    private readonly List<TState> _states = [];

    public int Count => _states.Count;

    public TState this[int number] => _states[number];

    /// <summary>The number of <paramref name="state"/>; <paramref name="added"/> when it is new.</summary>
    public int Intern(TState state, out bool added)
    {
        if (_numbers.TryGetValue(state, out var number))
        {
            added = false;
            return number;
        }

        number = _states.Count;
        _states.Add(state);
        _numbers.Add(state, number);
        added = true;
        return number;
    }
}
