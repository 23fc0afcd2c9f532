using System.Reflection;
using Xunit.Sdk;

namespace Socrates.Testing.Identity;

/// <summary>
/// Declared once per test assembly (<c>[assembly: RecordTestIdentity]</c>, added by each test
/// project file): marks every test's async flow with its name (<see cref="TestIdentity"/>) and,
/// when <c>SOCRATES_FAILPOINT_REACH</c> names a folder, records which failpoints each test
/// checks (<see cref="FailpointReach"/>). xUnit calls <see cref="Before"/> synchronously on the
/// flow that then runs the test, so the name reaches the test and every task it starts.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false)]
public sealed class RecordTestIdentityAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest)
    {
        TestIdentity.Enter(methodUnderTest);
        FailpointReach.StartIfRequested();
    }

    public override void After(MethodInfo methodUnderTest)
    {
        FailpointReach.Flush(TestIdentity.NameOf(methodUnderTest));
        TestIdentity.Leave();
    }
}
