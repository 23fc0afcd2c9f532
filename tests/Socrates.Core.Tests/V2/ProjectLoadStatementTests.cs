using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.Tests.V2;

/// <summary>
/// The project load statement builds its child lists without ephemeral tables (each one a page
/// cache allocated and freed per load: the cost that kept two readers from loading more than one,
/// see <see cref="ProjectSql.Select"/>), and still returns every list in stored position order.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProjectLoadStatementTests
{
    // The point load only: a user's list (LoadForUser) needs one for its UNION of ids.
    [Fact]
    public async Task LoadOne_Bytecode_OpensNoEphemeralTable()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = test.Path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + ProjectSql.LoadOne;
        command.Parameters.AddWithValue("$id", "p");
        var opcodes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                opcodes.Add(reader.GetString(1));
            }
        }

        Assert.Contains("ResultRow", opcodes);
        Assert.DoesNotContain("OpenEphemeral", opcodes);
    }

    [Fact]
    public async Task LoadProjectAsync_ListsKeyedApartFromPosition_ComeBackInPositionOrder()
    {
        // The score tables are keyed by phase (and category), not by position: their primary key
        // order is alphabetical, their stored order is not.
        await using var test = await TestDatabase.CreateAsync();
        var project = new ProjectContext
        {
            ProjectId = "ordered",
            Name = "ordered",
            Owner = "owner",
            CreatedAt = new DateTime(2025, 1, 1),
            UpdatedAt = new DateTime(2025, 1, 1),
            Requirements = ["c", "a", "b"],
            PhaseMaturityScores = new(StringComparer.Ordinal) { ["zeta"] = 1.5, ["alpha"] = -0.0, ["mid"] = 2 },
            CategoryScores = new(StringComparer.Ordinal)
            {
                ["zeta"] = new(StringComparer.Ordinal) { ["y"] = 1, ["b"] = 2 },
                ["alpha"] = new(StringComparer.Ordinal) { ["x"] = 3 },
            },
        };
        await test.Database.SaveProjectAsync(project, null);

        var loaded = await test.Database.LoadProjectAsync("ordered");

        Assert.NotNull(loaded);
        Assert.Equal(["c", "a", "b"], loaded.Requirements);
        Assert.Equal(["zeta", "alpha", "mid"], loaded.PhaseMaturityScores.Keys);
        Assert.True(double.IsNegative(loaded.PhaseMaturityScores["alpha"]));
        Assert.Equal(["zeta", "alpha"], loaded.CategoryScores.Keys);
        Assert.Equal(["y", "b"], loaded.CategoryScores["zeta"].Keys);
    }
}
