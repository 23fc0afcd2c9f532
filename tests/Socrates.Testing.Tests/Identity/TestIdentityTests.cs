using Socrates.Core.Failpoints;
using Socrates.Testing.Identity;

namespace Socrates.Testing.Tests.Identity;

[Trait("Category", "Unit")]
public sealed class TestIdentityTests
{
    private const string ThisClass = "Socrates.Testing.Tests.Identity.TestIdentityTests";

    [Fact]
    public void Current_InsideASynchronousTest_NamesThisTest()
    {
        Assert.Equal($"{ThisClass}.{nameof(Current_InsideASynchronousTest_NamesThisTest)}", TestIdentity.Current);
        Assert.Equal("Socrates.Testing.Tests.dll", TestIdentity.Assembly);
    }

    [Fact]
    public async Task Current_AfterAwaitAndInStartedTasks_StillNamesThisTest()
    {
        var expected = $"{ThisClass}.{nameof(Current_AfterAwaitAndInStartedTasks_StillNamesThisTest)}";
        await Task.Yield();
        Assert.Equal(expected, TestIdentity.Current);
        var fromPool = await Task.Run(() => TestIdentity.Current);
        string? fromThread = null;
        var thread = new Thread(() => fromThread = TestIdentity.Current);
        thread.Start();
        thread.Join();
        Assert.Equal(expected, fromPool);
        Assert.Equal(expected, fromThread);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Current_InATheory_NamesTheMethodAsTheFilterDoes(int value)
    {
        Assert.True(value > 0);
        Assert.Equal($"{ThisClass}.{nameof(Current_InATheory_NamesTheMethodAsTheFilterDoes)}", TestIdentity.Current);
    }

    [Fact]
    public void NameOf_AMethod_IsTypeFullNameDotMethod()
    {
        var method = typeof(TestIdentityTests).GetMethod(nameof(NameOf_AMethod_IsTypeFullNameDotMethod))!;
        Assert.Equal($"{ThisClass}.{nameof(NameOf_AMethod_IsTypeFullNameDotMethod)}", TestIdentity.NameOf(method));
    }
}
