namespace Smets1.Eligibility.Cli;

/// <summary>
/// A small bounded queue between two threads that blocks at once when it must wait (a monitor wait), where
/// <see cref="System.Collections.Concurrent.BlockingCollection{T}"/> spins and yields first: with both cores busy, a
/// thread waiting for the other should not spend the time the other, the collector or the JIT could use.
/// </summary>
/// <remarks>1M rows: 18,000 <c>sched_yield</c> calls with the blocking collection; see benchmarks/README.md.</remarks>
internal sealed class Handoff<T>(int capacity)
{
    private readonly Queue<T> _items = new(capacity);
    private bool _completed;
    private bool _cancelled;

    /// <summary>Whether <see cref="TryTake"/> would answer at once: an item is there, or no more will come.</summary>
    public bool IsReady
    {
        get
        {
            lock (_items)
            {
                return _items.Count > 0 || _completed || _cancelled;
            }
        }
    }

    /// <summary>Adds an item, waiting while the queue is full.</summary>
    /// <exception cref="OperationCanceledException">The queue was cancelled.</exception>
    public void Add(T item)
    {
        lock (_items)
        {
            while (_items.Count >= capacity && !_cancelled)
            {
                Monitor.Wait(_items);
            }

            if (_cancelled)
            {
                throw new OperationCanceledException("The other side of the handoff stopped.");
            }

            _items.Enqueue(item);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Takes the oldest item, waiting while there is none.</summary>
    /// <returns><see langword="false"/> when no more items will come (completed and empty, or cancelled).</returns>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            while (_items.Count == 0 && !_completed && !_cancelled)
            {
                Monitor.Wait(_items);
            }

            if (_cancelled || _items.Count == 0)
            {
                item = default!;
                return false;
            }

            item = _items.Dequeue();
            Monitor.PulseAll(_items);
            return true;
        }
    }

    /// <summary>No more items will be added; takers get those already there, then <see langword="false"/>.</summary>
    public void Complete()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Stops both sides: waiting adds throw <see cref="OperationCanceledException"/>, takes return <see langword="false"/>.</summary>
    public void Cancel()
    {
        lock (_items)
        {
            _cancelled = true;
            Monitor.PulseAll(_items);
        }
    }
}
