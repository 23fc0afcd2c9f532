using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing;

namespace Socrates.Core.Tests.Failpoints;

/// <summary>A catalog declared in this test assembly: discovery must reach assemblies other than the core's.</summary>
[FailpointCatalog]
public static class TestAssemblyFailpoints
{
    public const string Probe = "tests.core.catalog-probe";
}

[Trait("Category", "Unit")]
public sealed class FailpointCatalogTests
{
    [Fact]
    public void KnownNames_CatalogsInEveryLoadedAssembly_AllDiscovered()
    {
        Assert.Contains(CoreFailpoints.SelfTest, Failpoint.KnownNames);
        Assert.Contains(V2Failpoints.SaveDropField, Failpoint.KnownNames);
        Assert.Contains(TestKitFailpoints.CheckerAcceptAnyAnswer, Failpoint.KnownNames);
        Assert.Contains(TestAssemblyFailpoints.Probe, Failpoint.KnownNames);
    }

    [Fact]
    public void Enable_NameDeclaredOutsideTheCore_ActiveUntilDisposed()
    {
        using (Failpoint.Enable(TestAssemblyFailpoints.Probe))
        {
            Assert.True(Failpoint.IsActive(TestAssemblyFailpoints.Probe));
        }

        Assert.False(Failpoint.IsActive(TestAssemblyFailpoints.Probe));
    }
}
