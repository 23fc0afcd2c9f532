using Socrates.Core.Domain.Comparison;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class GeneratorTests
{
    [Fact]
    public void Dataset_SameSeed_SameData()
    {
        var a = new SocratesDataGenerator(2024).Dataset();
        var b = new SocratesDataGenerator(2024).Dataset();
        Assert.Empty(EntityComparer.Diff(a.Projects.ToList(), b.Projects.ToList()));
        Assert.Empty(EntityComparer.Diff(a.Users.ToList(), b.Users.ToList()));
        Assert.Empty(EntityComparer.Diff(a.Usage.ToList(), b.Usage.ToList()));
    }

    [Fact]
    public void Dataset_OtherSeed_DifferentData()
    {
        var a = new SocratesDataGenerator(1).Dataset();
        var b = new SocratesDataGenerator(2).Dataset();
        Assert.NotEmpty(EntityComparer.Diff(a.Projects.ToList(), b.Projects.ToList()));
    }

    [Fact]
    public void Dataset_Shape_CountsAndReferencesConsistent()
    {
        var shape = new DatasetShape(Users: 3, ProjectsPerUser: 2, Project: ProjectShape.Heavy, NotesPerProject: 1, DocumentsPerProject: 2);
        var data = new SocratesDataGenerator(9).Dataset(shape);
        Assert.Equal(6, data.Projects.Count);
        Assert.All(data.Projects, p => Assert.Equal(500, p.ConversationHistory.Count));
        Assert.All(data.Projects, p => Assert.Contains(data.Users, u => u.Username == p.Owner && u.Projects.Contains(p.ProjectId)));
        Assert.Equal(12, data.Documents.Count);
        Assert.Equal(data.Projects.Count + data.Notes.Count + data.Documents.Count,
            data.Projects.Select(p => p.ProjectId).Concat(data.Notes.Select(n => n.NoteId)).Concat(data.Documents.Select(d => d.Id)).Distinct().Count());
        Assert.All(data.Projects.SelectMany(p => p.ConversationHistory), m => Assert.Equal(0, m.Timestamp!.Value.Ticks % 10));
    }
}
