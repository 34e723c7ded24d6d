using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

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
        var digest = Digest(id);
        ref var shard = ref Room(Index(digest), 1);
        return Insert(ref shard, digest);
    }

    /// <summary>
    /// Adds the IDs in order, as many <see cref="Add"/> calls would (an ID repeated within the batch is added once):
    /// <paramref name="added"/>[i] is whether <paramref name="ids"/>[i] was new; a <see langword="null"/> ID is
    /// skipped (and reported as added).
    /// </summary>
    public void AddMany(ReadOnlySpan<string?> ids, Span<bool> added)
    {
        var digests = ArrayPool<UInt128>.Shared.Rent(ids.Length);
        try
        {
            for (var i = 0; i < ids.Length; i++)
            {
                digests[i] = DigestOf(ids[i]);
            }

            AddMany(digests.AsSpan(0, ids.Length), added);
        }
        finally
        {
            ArrayPool<UInt128>.Shared.Return(digests);
        }
    }

    /// <summary>
    /// What <see cref="AddMany(ReadOnlySpan{string}, Span{bool})"/> does, for IDs already hashed by
    /// <see cref="DigestOf"/> (so that the hashing can run on many threads, and only this has to go in file order);
    /// a zero digest is skipped. The slots are prefetched, so that the cache misses of a large table overlap instead
    /// of coming one per ID.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddMany(ReadOnlySpan<UInt128> digests, Span<bool> added)
    {
        ObjectDisposedException.ThrowIf(_shards is null, this);
        Span<int> pending = stackalloc int[Shards];
        pending.Clear();
        foreach (var digest in digests)
        {
            if (digest != UInt128.Zero)
            {
                pending[Index(digest)]++;
            }
        }

        for (var i = 0; i < Shards; i++)
        {
            if (pending[i] > 0)
            {
                Room(i, pending[i]); // every table large enough for the batch: no slot moves while prefetched
            }
        }

        if (Sse.IsSupported)
        {
            foreach (var digest in digests)
            {
                if (digest != UInt128.Zero)
                {
                    var shard = _shards[Index(digest)];
                    Sse.Prefetch0(shard.Slots + Home(digest, shard.Capacity));
                }
            }
        }

        for (var i = 0; i < digests.Length; i++)
        {
            added[i] = digests[i] == UInt128.Zero || Insert(ref _shards[Index(digests[i])], digests[i]);
        }
    }

    /// <summary>The digest an ID is compared by (never zero), or zero for <see langword="null"/>: an ID the check skips.</summary>
    public static UInt128 DigestOf(string? id) => id is null ? UInt128.Zero : Digest(id);

    private static UInt128 Digest(ReadOnlySpan<char> id)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(MemoryMarshal.AsBytes(id), hash);
        var digest = new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]), BinaryPrimitives.ReadUInt64LittleEndian(hash));
        if ((ulong)digest == 0 && (uint)(digest >> 64) == 0)
        {
            digest |= 1; // an all-zero slot marks an empty one
        }

        return digest;
    }

    private static int Index(UInt128 digest) => (int)(digest >> 120);

    private static int Home(UInt128 digest, int capacity) => Home((ulong)digest, capacity);

    /// <summary>The slot a digest starts probing from: its low 64 bits scaled to the capacity by a multiplication (the high half of low × capacity), not a division.</summary>
    private static int Home(ulong low, int capacity) => (int)Math.BigMul(low, (ulong)capacity, out _);

    /// <summary>The shard, created or grown so that <paramref name="more"/> IDs fit under 80% full.</summary>
    private ref Shard Room(int index, int more)
    {
        ref var shard = ref _shards[index];
        if (shard.Slots == null)
        {
            shard = new Shard((Slot*)NativeMemory.AllocZeroed(InitialCapacity, (nuint)sizeof(Slot)), InitialCapacity, 0);
        }

        while (shard.Count + more > shard.Capacity / 5 * 4)
        {
            shard = Grow(shard);
        }

        return ref shard;
    }

    private bool Insert(ref Shard shard, UInt128 digest)
    {
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Insert(Slot* slots, int capacity, Slot digest)
    {
        var i = Home(digest.Low, capacity); // Low is the digest's low 64 bits
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
