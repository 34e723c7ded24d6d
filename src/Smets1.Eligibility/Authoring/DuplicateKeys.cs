using System.Text;
using System.Text.Json;

namespace Smets1.Eligibility.Authoring;

/// <summary>
/// Finds keys written twice in one object of a version file. System.Text.Json keeps the last of them silently (and can
/// only refuse them from .NET 9 on), which would let a pasted-over <c>"value"</c> or a repeated rule ID go unnoticed,
/// as an unknown key would: so they are reported like one, with their JSON path.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>The paths of keys repeated within one object, in file order; malformed JSON ends the search (the reader reports it).</summary>
    public static List<string> In(string json)
    {
        var found = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var scopes = new Stack<Scope>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = scopes.TryPeek(out var parent) ? parent.Next() : "$";
                        scopes.Push(new Scope(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var scope = scopes.Peek();
                        var key = reader.GetString()!;
                        scope.Key = key;
                        if (!scope.Keys.Add(key))
                        {
                            found.Add($"{scope.Path}.{key}");
                        }

                        break;
                    default:
                        if (scopes.TryPeek(out var container))
                        {
                            container.Skip(); // a scalar: only an array's position moves on
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the deserializer reports where.
        }

        return found;
    }

    /// <summary>An object or array being read: its path, the keys seen, and where the next value goes.</summary>
    private sealed class Scope(string path, bool array)
    {
        private int _index;

        public string Path { get; } = path;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public string? Key { get; set; }

        /// <summary>The path of the value just starting in this scope (an array's next item, an object's current key).</summary>
        public string Next() => array ? $"{Path}[{_index++}]" : $"{Path}.{Key}";

        /// <summary>Moves past a scalar value.</summary>
        public void Skip()
        {
            if (array)
            {
                _index++;
            }
        }
    }
}
