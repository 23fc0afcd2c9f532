using System.Diagnostics.CodeAnalysis;

// Factories on generic value types (RegisterInput<int>.Write(1), StepResult<S>.Legal(s),
// MapState<V>.Empty) read best where histories are written by hand, as ImmutableArray<T>.Empty does.
[assembly: SuppressMessage(
    "Design",
    "CA1000:Do not declare static members on generic types",
    Justification = "Factories of small generic value types, used when writing histories by hand.",
    Scope = "namespaceanddescendants",
    Target = "~N:Socrates.Testing.Linearizability")]
