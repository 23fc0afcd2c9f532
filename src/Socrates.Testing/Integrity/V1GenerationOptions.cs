namespace Socrates.Testing.Integrity;

/// <summary>
/// Size and seed of a generated V1 database. <see cref="Projects"/> are spread over
/// <see cref="Users"/>; each has <see cref="MessagesPerProject"/> conversation messages, two notes
/// and one knowledge document; each user has one effectiveness record, pattern, provider config,
/// api key and three usage records. <see cref="BadShare"/> of the rows are made bad on purpose.
/// </summary>
public sealed record V1GenerationOptions(int Users, int Projects, int MessagesPerProject, int Seed, double BadShare = 0.02)
{
    public V1GenerationOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Users, 1, nameof(Users));
        ArgumentOutOfRangeException.ThrowIfNegative(Projects, nameof(Projects));
        ArgumentOutOfRangeException.ThrowIfNegative(MessagesPerProject, nameof(MessagesPerProject));
        if (BadShare is < 0 or > 1 || double.IsNaN(BadShare))
        {
            throw new ArgumentOutOfRangeException(nameof(BadShare), BadShare, "The bad share must be between 0 and 1.");
        }

        return this;
    }
}
