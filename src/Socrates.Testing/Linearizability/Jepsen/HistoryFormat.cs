namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>The written forms of a history the reader knows; they differ in where a key sits and in a key's initial value.</summary>
public enum HistoryFormat
{
    /// <summary>Decided per file: <see cref="Porcupine"/> when an event carries <c>:key</c>, else <see cref="Jepsen"/>.</summary>
    Auto,

    /// <summary>
    /// Jepsen/Knossos: a key-value operation's key and value travel together in <c>:value</c>
    /// (<c>[k v]</c> or <c>{:key k :value v}</c>); a key never written reads as nil.
    /// </summary>
    Jepsen,

    /// <summary>
    /// Porcupine's test data: key-value events name the key in <c>:key</c> and the string in
    /// <c>:value</c> (<c>{:process 0, :type :invoke, :f :append, :key "2", :value "x 0 0 y"}</c>);
    /// a key never written reads as the empty string. Its register (etcd) histories are in the Jepsen form.
    /// </summary>
    Porcupine,
}
