using Socrates.Core.Failpoints;

namespace Socrates.Core.Tests.Failpoints;

[Trait("Category", "Unit")]
public sealed class FailpointTests
{
    [Fact]
    public void IsActive_NothingEnabled_False()
    {
        Assert.False(Failpoint.IsActive(CoreFailpoints.SelfTest));
    }

    [Fact]
    public void Enable_KnownName_ActiveUntilDisposed()
    {
        using (Failpoint.Enable(CoreFailpoints.SelfTest))
        {
            Assert.True(Failpoint.IsActive(CoreFailpoints.SelfTest));
            Assert.Throws<FailpointException>(() => Failpoint.ThrowIfActive(CoreFailpoints.SelfTest));
        }

        Assert.False(Failpoint.IsActive(CoreFailpoints.SelfTest));
    }

    [Fact]
    public void IsActiveInScope_EnabledInThisFlow_TrueUntilDisposedAndNeverFromTheEnvironment()
    {
        // The split check of hot paths: the scope half sees Enable, the environment half does not
        // (this test process runs with no SOCRATES_FAILPOINTS).
        using (Failpoint.Enable(CoreFailpoints.SelfTest))
        {
            Assert.True(Failpoint.IsActiveInScope(CoreFailpoints.SelfTest));
            Assert.False(Failpoint.IsActiveFromEnvironment(CoreFailpoints.SelfTest));
        }

        Assert.False(Failpoint.IsActiveInScope(CoreFailpoints.SelfTest));
    }

    [Fact]
    public async Task Enable_OtherAsyncFlow_NotActive()
    {
        using var gate = new SemaphoreSlim(0);
        var other = Task.Run(async () =>
        {
            await gate.WaitAsync();
            return Failpoint.IsActive(CoreFailpoints.SelfTest);
        });

        using (Failpoint.Enable(CoreFailpoints.SelfTest))
        {
            gate.Release();
            Assert.False(await other);
        }
    }

    [Fact]
    public void Enable_UnknownName_ThrowsNamingIt()
    {
        var error = Assert.Throws<UnknownFailpointException>(() => Failpoint.Enable("no.such.failpoint"));
        Assert.Contains("no.such.failpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains(CoreFailpoints.SelfTest, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_ResolvedNativeLibrary_OpensAndQueries()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var version = (string)command.ExecuteScalar()!;
        Assert.StartsWith("3.", version, StringComparison.Ordinal);
    }
}
