using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Smets1.Eligibility.Files;

/// <summary>
/// The installation IDs seen so far in a file, for the duplicate check, kept as 128-bit XxHash128 digests of the
/// IDs' UTF-16 code units rather than as strings: 16 bytes per ID in open-addressing tables (about 20–25 bytes
/// per row with the tables' spare room), so a 12-million-row estate needs about 260 MB instead of about 1 GB.
/// </summary>
/// <remarks>
/// <para>Two different IDs are taken for the same only if their 128-bit digests collide: for n IDs the chance of
/// any collision is about n²/2¹²⁹, under 10⁻²⁴ for 12 million, so a false <c>Invalid</c> is impossible in practice.</para>
/// <para>The digests are spread over 256 tables by their top byte, each grown by half when it is 80% full. The
/// tables live in native memory, freed as soon as a table has grown and when the set is disposed: they are the
/// only thing that grows with the file, and the garbage collector neither scans nor keeps their old copies.</para>
/// </remarks>
internal sealed unsafe class InstallationIdSet : IDisposable
{
    private const int Shards = 256;
    private const int InitialCapacity = 64;

    private readonly Shard[] _shards = new Shard[Shards];

    ~InstallationIdSet() => Free();

    /// <summary>How many IDs have been added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds the ID; returns <see langword="false"/> when it was seen before.</summary>
    public bool Add(ReadOnlySpan<char> id)
    {
        ObjectDisposedException.ThrowIf(_shards is null, this);
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(MemoryMarshal.AsBytes(id), hash);
        var digest = new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]), BinaryPrimitives.ReadUInt64LittleEndian(hash));
        if (digest == UInt128.Zero)
        {
            digest = UInt128.One; // zero marks an empty slot
        }

        ref var shard = ref _shards[(int)(digest >> 120)];
        if (shard.Slots == null)
        {
            shard = new Shard((UInt128*)NativeMemory.AllocZeroed(InitialCapacity, (nuint)sizeof(UInt128)), InitialCapacity, 0);
        }

        if (shard.Count >= shard.Capacity / 5 * 4)
        {
            shard = Grow(shard);
        }

        if (!Insert(shard.Slots, shard.Capacity, digest))
        {
            return false;
        }

        shard.Count++;
        Count++;
        return true;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        for (var i = 0; i < _shards.Length; i++)
        {
            NativeMemory.Free(_shards[i].Slots);
            _shards[i] = default;
        }
    }

    private static bool Insert(UInt128* slots, int capacity, UInt128 digest)
    {
        var i = (int)((ulong)digest % (ulong)capacity);
        while (true)
        {
            var slot = slots[i];
            if (slot == UInt128.Zero)
            {
                slots[i] = digest;
                return true;
            }

            if (slot == digest)
            {
                return false;
            }

            i = i + 1 == capacity ? 0 : i + 1;
        }
    }

    private static Shard Grow(Shard shard)
    {
        var capacity = shard.Capacity + (shard.Capacity >> 1);
        var larger = (UInt128*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(UInt128));
        for (var i = 0; i < shard.Capacity; i++)
        {
            if (shard.Slots[i] != UInt128.Zero)
            {
                Insert(larger, capacity, shard.Slots[i]);
            }
        }

        NativeMemory.Free(shard.Slots);
        return new Shard(larger, capacity, shard.Count);
    }

    /// <summary>One open-addressing table with linear probing, in native memory.</summary>
    private struct Shard(UInt128* slots, int capacity, int count)
    {
        public UInt128* Slots = slots;
        public int Capacity = capacity;
        public int Count = count;
    }
}
