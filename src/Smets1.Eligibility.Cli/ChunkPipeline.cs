using System.Runtime.ExceptionServices;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// Reads and parses an installation file on a thread of its own, a few chunks ahead of the thread that
/// evaluates and writes them: the two halves of the work run on both cores, and chunks come out in file order.
/// </summary>
/// <remarks>
/// A fixed set of chunk buffers circulates between the threads, so memory does not grow with the file. An
/// exception of the reader (a quoted cell never closed, a read error) is rethrown to the consumer after the chunks
/// read before it; disposing stops the reader if the consumer gives up early.
/// </remarks>
internal sealed class ChunkPipeline : IDisposable
{
    private readonly InstallationCsvReader _reader;
    private readonly Handoff<Chunk> _full;
    private readonly Handoff<InstallationRow[]> _empty;
    private InstallationRow[]? _taken;
    private readonly Task _producer;

    public ChunkPipeline(InstallationCsvReader reader, int chunkSize, int depth)
    {
        _reader = reader;
        _full = new Handoff<Chunk>(depth);
        _empty = new Handoff<InstallationRow[]>(depth + 1);
        for (var i = 0; i < depth + 1; i++)
        {
            _empty.Add(new InstallationRow[chunkSize]);
        }

        _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Whether <see cref="TryTake"/> would answer at once: a chunk (or the end of the file, or an error) is there.</summary>
    public bool HasChunk => _full.IsReady;

    /// <summary>The next chunk in file order; <see langword="false"/> at the end of the file.</summary>
    public bool TryTake(out InstallationRow[] rows, out int count)
    {
        if (_full.TryTake(out var chunk))
        {
            if (chunk.Error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            _taken = chunk.Rows!;
            rows = _taken;
            count = chunk.Count;
            return true;
        }

        rows = [];
        count = 0;
        return false;
    }

    /// <summary>Gives the chunk last taken back for the reader to fill again.</summary>
    public void Return(InstallationRow[] rows, int count)
    {
        if (_taken is not { } taken || !ReferenceEquals(taken, rows))
        {
            throw new InvalidOperationException("Return the chunk last taken.");
        }

        Array.Clear(rows, 0, count);
        _taken = null;
        _empty.Add(taken);
    }

    public void Dispose()
    {
        _full.Cancel();
        _empty.Cancel();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException)
        {
            // The producer reports its errors through the chunks; nothing else can escape it.
        }
    }

    private void Produce()
    {
        try
        {
            while (_empty.TryTake(out var buffer))
            {
                var count = _reader.ReadChunk(buffer);
                if (count == 0)
                {
                    break;
                }

                _full.Add(new Chunk(buffer, count, null));
            }
        }
        catch (OperationCanceledException)
        {
            // The consumer stopped early.
        }
        catch (Exception e)
        {
            try
            {
                _full.Add(new Chunk(null, 0, e));
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early: nobody is left to tell.
            }
        }
        finally
        {
            _full.Complete();
        }
    }

    private readonly record struct Chunk(InstallationRow[]? Rows, int Count, Exception? Error);
}
