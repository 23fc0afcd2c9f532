namespace Socrates.Gates.Config;

/// <summary>
/// One thing wrong (or, as a warning, doubtful) in a gates file: the file, the gate it concerns
/// (null for the file as a whole or the risk register), the field, and what is wrong.
/// </summary>
internal sealed record GateConfigProblem(string File, string? GateId, string? Field, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (GateId is not null)
        {
            where += $": gate '{GateId}'";
        }

        if (Field is not null)
        {
            where += $", field '{Field}'";
        }

        return $"{where}: {Message}";
    }
}
