namespace Socrates.Core.Migration.Steps;

/// <summary>
/// A light reader of SQLite DDL that derives a step's footprint from its SQL: CREATE / DROP
/// TABLE and INDEX, ALTER TABLE ADD / DROP / RENAME COLUMN and RENAME TO, and the tables and
/// columns a definition reads (REFERENCES clauses, indexed columns). Statements it does not
/// understand (DML, triggers, views, pragmas) are listed in <see cref="DdlFootprint.Unrecognised"/>
/// and contribute nothing; their effects must be declared by hand.
/// </summary>
public static class DdlFootprintParser
{
    private static readonly HashSet<string> s_tableConstraintWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
    };

    public static DdlFootprint Parse(string sql)
    {
        var creates = new HashSet<SchemaObject>();
        var alters = new HashSet<SchemaObject>();
        var drops = new HashSet<SchemaObject>();
        var reads = new HashSet<SchemaObject>();
        var unrecognised = new List<string>();

        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            var reader = new TokenReader(statement);
            if (reader.Accept("CREATE"))
            {
                reader.Accept("TEMP");
                reader.Accept("TEMPORARY");
                var unique = reader.Accept("UNIQUE");
                if (!unique && reader.Accept("TABLE"))
                {
                    ParseCreateTable(reader, creates, reads);
                    continue;
                }

                if (reader.Accept("INDEX"))
                {
                    ParseCreateIndex(reader, creates, reads);
                    continue;
                }
            }
            else if (reader.Accept("DROP"))
            {
                if (reader.Accept("TABLE"))
                {
                    SkipIfExists(reader);
                    drops.Add(SchemaObject.ForTable(reader.QualifiedName()));
                    continue;
                }

                if (reader.Accept("INDEX"))
                {
                    SkipIfExists(reader);
                    drops.Add(SchemaObject.ForIndex(string.Empty, reader.QualifiedName()));
                    continue;
                }
            }
            else if (reader.Accept("ALTER") && reader.Accept("TABLE"))
            {
                ParseAlterTable(reader, creates, alters, drops, reads);
                continue;
            }

            unrecognised.Add(string.Join(' ', statement.Take(6).Select(t => t.Text)));
        }

        return new DdlFootprint(MigrationFootprint.Of(creates, alters, drops, reads), unrecognised);
    }

    private static void ParseCreateTable(TokenReader reader, HashSet<SchemaObject> creates, HashSet<SchemaObject> reads)
    {
        SkipIfNotExists(reader);
        var table = reader.QualifiedName();
        creates.Add(SchemaObject.ForTable(table));
        if (!reader.AcceptPunctuation('('))
        {
            return; // CREATE TABLE ... AS SELECT: no column list to read.
        }

        foreach (var definition in reader.SplitUntilClose())
        {
            if (definition.Count == 0)
            {
                continue;
            }

            var inner = new TokenReader(definition);
            if (!s_tableConstraintWords.Contains(definition[0].Text) || definition[0].Kind == SqlTokenKind.QuotedName)
            {
                creates.Add(SchemaObject.ForColumn(table, definition[0].Text));
            }

            CollectReferences(inner, reads);
        }
    }

    private static void ParseCreateIndex(TokenReader reader, HashSet<SchemaObject> creates, HashSet<SchemaObject> reads)
    {
        SkipIfNotExists(reader);
        var index = reader.QualifiedName();
        reader.Expect("ON");
        var table = reader.QualifiedName();
        creates.Add(SchemaObject.ForIndex(table, index));
        reads.Add(SchemaObject.ForTable(table));
        if (!reader.AcceptPunctuation('('))
        {
            return;
        }

        foreach (var term in reader.SplitUntilClose())
        {
            // A plain column term: name [COLLATE x] [ASC|DESC]. Expressions are not column reads we can name.
            if (term.Count > 0 && term[0].IsName && (term.Count == 1 || term[1].IsWord("COLLATE") || term[1].IsWord("ASC") || term[1].IsWord("DESC")))
            {
                reads.Add(SchemaObject.ForColumn(table, term[0].Text));
            }
        }
    }

    private static void ParseAlterTable(
        TokenReader reader,
        HashSet<SchemaObject> creates,
        HashSet<SchemaObject> alters,
        HashSet<SchemaObject> drops,
        HashSet<SchemaObject> reads)
    {
        var table = reader.QualifiedName();
        if (reader.Accept("ADD"))
        {
            reader.Accept("COLUMN");
            creates.Add(SchemaObject.ForColumn(table, reader.Name()));
            CollectReferences(reader, reads);
        }
        else if (reader.Accept("DROP"))
        {
            reader.Accept("COLUMN");
            drops.Add(SchemaObject.ForColumn(table, reader.Name()));
        }
        else if (reader.Accept("RENAME"))
        {
            if (reader.Accept("TO"))
            {
                alters.Add(SchemaObject.ForTable(table));
                creates.Add(SchemaObject.ForTable(reader.Name()));
                return;
            }

            reader.Accept("COLUMN");
            var from = reader.Name();
            reader.Expect("TO");
            alters.Add(SchemaObject.ForColumn(table, from));
            creates.Add(SchemaObject.ForColumn(table, reader.Name()));
        }
        else
        {
            alters.Add(SchemaObject.ForTable(table));
        }
    }

    private static void CollectReferences(TokenReader reader, HashSet<SchemaObject> reads)
    {
        while (reader.SkipTo("REFERENCES"))
        {
            var parent = reader.QualifiedName();
            reads.Add(SchemaObject.ForTable(parent));
            if (reader.AcceptPunctuation('('))
            {
                foreach (var column in reader.SplitUntilClose())
                {
                    if (column.Count > 0 && column[0].IsName)
                    {
                        reads.Add(SchemaObject.ForColumn(parent, column[0].Text));
                    }
                }
            }
        }
    }

    private static void SkipIfExists(TokenReader reader)
    {
        if (reader.Accept("IF"))
        {
            reader.Expect("EXISTS");
        }
    }

    private static void SkipIfNotExists(TokenReader reader)
    {
        if (reader.Accept("IF"))
        {
            reader.Expect("NOT");
            reader.Expect("EXISTS");
        }
    }

    private sealed class TokenReader(IReadOnlyList<SqlToken> tokens)
    {
        private int _position;

        public bool Accept(string word)
        {
            if (_position < tokens.Count && tokens[_position].IsWord(word))
            {
                _position++;
                return true;
            }

            return false;
        }

        public bool AcceptPunctuation(char c)
        {
            if (_position < tokens.Count && tokens[_position].IsPunctuation(c))
            {
                _position++;
                return true;
            }

            return false;
        }

        public void Expect(string word)
        {
            if (!Accept(word))
            {
                throw new FormatException($"Expected '{word}' at token {_position} of '{Text()}'.");
            }
        }

        public string Name()
        {
            if (_position >= tokens.Count || !tokens[_position].IsName)
            {
                throw new FormatException($"Expected a name at token {_position} of '{Text()}'.");
            }

            return tokens[_position++].Text;
        }

        /// <summary>A name, dropping a schema qualifier (main.t is t).</summary>
        public string QualifiedName()
        {
            var name = Name();
            if (AcceptPunctuation('.'))
            {
                name = Name();
            }

            return name;
        }

        public bool SkipTo(string word)
        {
            while (_position < tokens.Count)
            {
                if (Accept(word))
                {
                    return true;
                }

                _position++;
            }

            return false;
        }

        /// <summary>After an opening '(': the comma-separated terms up to the matching ')'.</summary>
        public List<List<SqlToken>> SplitUntilClose()
        {
            var terms = new List<List<SqlToken>> { new() };
            var depth = 1;
            while (_position < tokens.Count)
            {
                var token = tokens[_position++];
                if (token.IsPunctuation('('))
                {
                    depth++;
                }
                else if (token.IsPunctuation(')'))
                {
                    depth--;
                    if (depth == 0)
                    {
                        return terms;
                    }
                }
                else if (depth == 1 && token.IsPunctuation(','))
                {
                    terms.Add([]);
                    continue;
                }

                terms[^1].Add(token);
            }

            throw new FormatException($"Unbalanced parentheses in '{Text()}'.");
        }

        private string Text() => string.Join(' ', tokens.Select(t => t.Text));
    }
}
