using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability;

/// <summary>Shorthands for hand-written register histories.</summary>
internal static class RegisterHistories
{
    public static HistoryBuilder<RegisterInput<int>, RegisterOutput<int>> New() => new();

    public static RegisterInput<int> W(int value) => RegisterInput<int>.Write(value);

    public static RegisterInput<int> R() => RegisterInput<int>.Read();

    public static RegisterInput<int> Cas(int expected, int value) => RegisterInput<int>.Cas(expected, value);

    public static RegisterOutput<int> Done => RegisterOutput<int>.Written;

    public static RegisterOutput<int> Saw(int value) => RegisterOutput<int>.Read(value);

    public static CheckResult<RegisterInput<int>, RegisterOutput<int>> Check(History<RegisterInput<int>, RegisterOutput<int>> history, CheckOptions? options = null) =>
        LinearizabilityChecker.Check(new RegisterModel<int>(0), history, options);

    public static CheckResult<RegisterInput<int>, RegisterOutput<int>> CheckCas(History<RegisterInput<int>, RegisterOutput<int>> history, CheckOptions? options = null) =>
        LinearizabilityChecker.Check(new CasRegisterModel<int>(0), history, options);
}
