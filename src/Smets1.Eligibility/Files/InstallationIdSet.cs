using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Smets1.Eligibility.Files;

/// <summary>
/// The installation IDs seen so far in a file, for the duplicate check, kept as XxHash128 digests of the IDs'
/// UTF-16 code units rather than as strings: 104 bits of each digest are compared (the top 8 choose one of 256
/// tables, 96 more are stored in a 12-byte slot), so a 12-million-row estate needs about 200 MB instead of about 1 GB.
/// </summary>
/// <remarks>
/// <para>Two different IDs are taken for the same only if those 104 bits of their digests are equal: for n IDs the
/// chance of any such pair is about n²/2¹⁰⁵, under 10⁻¹⁷ for 12 million, so a false <c>Invalid</c> is impossible in
/// practice.</para>
/// <para>The digests are spread over the 256 tables by their top byte, each grown by half when it is 80% full. The
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
        if ((ulong)digest == 0 && (uint)(digest >> 64) == 0)
        {
            digest |= 1; // an all-zero slot marks an empty one
        }

        ref var shard = ref _shards[(int)(digest >> 120)];
        if (shard.Slots == null)
        {
            shard = new Shard((Slot*)NativeMemory.AllocZeroed(InitialCapacity, (nuint)sizeof(Slot)), InitialCapacity, 0);
        }

        if (shard.Count >= shard.Capacity / 5 * 4)
        {
            shard = Grow(shard);
        }

        if (!Insert(shard.Slots, shard.Capacity, new Slot((ulong)digest, (uint)(digest >> 64))))
        {
            return false;
        }

        shard.Count++;
        Count++;
        return true;
    }

    /// <summary>
    /// Makes room for about <paramref name="count"/> IDs in all, so that a file whose size says how many rows it holds
    /// does not grow its tables (and rehash them) a dozen times on the way. Tables already larger stay as they are.
    /// </summary>
    public void Reserve(long count)
    {
        ObjectDisposedException.ThrowIf(_shards is null, this);
        var perShard = Math.Min(int.MaxValue / 2, (count / Shards) + 1);
        var capacity = (int)Math.Max(InitialCapacity, (perShard * 5 / 4) + 2); // under 80% full when reached
        for (var i = 0; i < _shards.Length; i++)
        {
            if (_shards[i].Capacity < capacity)
            {
                _shards[i] = Resize(_shards[i], capacity);
            }
        }
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

    private static bool Insert(Slot* slots, int capacity, Slot digest)
    {
        var i = (int)(digest.Low % (ulong)capacity);
        while (true)
        {
            var slot = slots[i];
            if (slot.IsEmpty)
            {
                slots[i] = digest;
                return true;
            }

            if (slot.Low == digest.Low && slot.High == digest.High)
            {
                return false;
            }

            i = i + 1 == capacity ? 0 : i + 1;
        }
    }

    private static Shard Grow(Shard shard) => Resize(shard, shard.Capacity + (shard.Capacity >> 1));

    private static Shard Resize(Shard shard, int capacity)
    {
        var larger = (Slot*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(Slot));
        for (var i = 0; i < shard.Capacity; i++)
        {
            if (!shard.Slots[i].IsEmpty)
            {
                Insert(larger, capacity, shard.Slots[i]);
            }
        }

        NativeMemory.Free(shard.Slots);
        return new Shard(larger, capacity, shard.Count);
    }

    /// <summary>96 bits of a digest in 12 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct Slot(ulong low, uint high)
    {
        public readonly ulong Low = low;
        public readonly uint High = high;

        public bool IsEmpty => Low == 0 && High == 0;
    }

    /// <summary>One open-addressing table with linear probing, in native memory.</summary>
    private struct Shard(Slot* slots, int capacity, int count)
    {
        public Slot* Slots = slots;
        public int Capacity = capacity;
        public int Count = count;
    }
}
