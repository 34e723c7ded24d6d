using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// <c>evaluate</c> on every core: each thread takes the next block of the file (<see cref="InstallationBlocks"/>), reads
/// and parses it, evaluates, explains and formats its rows into a buffer of its own; only three short steps go in file
/// order, one block at a time: taking the block, the duplicate check (which also numbers the block's rows), and copying
/// the formatted rows to the output. The result file is byte for byte what one thread writes.
/// </summary>
/// <remarks>
/// An error of a block (a quoted cell never closed, a read error) stops the run after the blocks before it have been
/// written, and is rethrown to the caller; no later block is written.
/// </remarks>
internal sealed class ParallelEvaluation
{
    private readonly InstallationBlocks _blocks;
    private readonly EligibilityEvaluator _evaluator;
    private readonly EvaluationOptions _options;
    private readonly Stream _output;
    private readonly ResultFormat _format;
    private readonly Action? _progress;
    private readonly object _take = new();
    private readonly object _turns = new();
    private int _nextBlock;
    private int _checkTurn;
    private int _writeTurn;
    private int _rowBase;
    private int _failedAt = int.MaxValue;
    private Exception? _failure;

    private ParallelEvaluation(InstallationBlocks blocks, EligibilityEvaluator evaluator, EvaluationOptions options, Stream output, ResultFormat format, Action? progress)
    {
        _blocks = blocks;
        _evaluator = evaluator;
        _options = options;
        _output = output;
        _format = format;
        _progress = progress;
    }

    /// <summary>Evaluates every row of the file and writes its results (no header) to <paramref name="output"/>, in order.</summary>
    /// <param name="blocks">The file, its header read.</param>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="options">The run's options.</param>
    /// <param name="output">Where the formatted rows go, after whatever is there already (the header).</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="summary">Where the counts of every thread are added.</param>
    /// <param name="progress">Called after each block is written, if at all.</param>
    /// <param name="workers">How many threads (the calling thread is one).</param>
    public static void Run(InstallationBlocks blocks, EligibilityEvaluator evaluator, EvaluationOptions options, Stream output, ResultFormat format, RunSummary summary, Action? progress, int workers)
    {
        var run = new ParallelEvaluation(blocks, evaluator, options, output, format, progress);
        var summaries = new RunSummary[workers];
        var threads = new Thread[workers - 1];
        for (var i = 0; i < threads.Length; i++)
        {
            var worker = i + 1;
            threads[i] = new Thread(() => summaries[worker] = run.Work()) { IsBackground = true, Name = "evaluate " + worker };
            threads[i].Start();
        }

        summaries[0] = run.Work();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        foreach (var part in summaries)
        {
            summary.Merge(part);
        }

        if (run._failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RunSummary Work()
    {
        var summary = new RunSummary();
        InstallationCsvReader? own = null;
        var bytes = new byte[InstallationBlocks.BlockSize * 2];
        var rows = new InstallationRow[2048];
        var ids = new UInt128[rows.Length];
        var facts = new InstallationFacts[rows.Length];
        var outcomes = new EligibilityOutcome[rows.Length];
        var messageEnds = new int[rows.Length];
        var messages = new char[1 << 16];
        using var formatted = new MemoryStream();
        using var writer = ResultWriter.Create(formatted, _format, leaveOpen: true, header: false);
        try
        {
            while (true)
            {
                int index;
                var length = 0;
                var firstLine = 0;
                Exception? error = null;
                lock (_take)
                {
                    if (Volatile.Read(ref _failedAt) != int.MaxValue)
                    {
                        break;
                    }

                    index = _nextBlock;
                    try
                    {
                        if (index > 0 && !_blocks.Next(ref bytes, out length, out firstLine))
                        {
                            break;
                        }
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }

                    _nextBlock++;
                }

                var count = 0;
                if (error is null)
                {
                    try
                    {
                        // The first block is what the header's reader holds after the header.
                        var reader = index == 0 ? _blocks.First : own ??= _blocks.CreateReader();
                        count = reader.ReadBlock(index == 0 ? [] : bytes.AsSpan(0, length), firstLine, ref rows, ref ids);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }
                }

                if (!Turn(ref _checkTurn, index))
                {
                    break;
                }

                if (error is not null)
                {
                    Fail(index, error);
                    break;
                }

                try
                {
                    Check(index, rows, ids, count);
                }
                catch (Exception e)
                {
                    Fail(index, e);
                    break;
                }
                finally
                {
                    Pass(ref _checkTurn);
                }

                try
                {
                    if (facts.Length < rows.Length)
                    {
                        facts = new InstallationFacts[rows.Length];
                        outcomes = new EligibilityOutcome[rows.Length];
                        messageEnds = new int[rows.Length];
                    }

                    EvaluateRows(_evaluator, _options, rows.AsSpan(0, count), facts, outcomes, messageEnds, ref messages, writer, summary);
                    writer.Flush();
                    Array.Clear(rows, 0, count);
                }
                catch (Exception e)
                {
                    Fail(index, e);
                    break;
                }

                if (!Turn(ref _writeTurn, index))
                {
                    break;
                }

                try
                {
                    _output.Write(formatted.GetBuffer(), 0, (int)formatted.Length);
                    formatted.SetLength(0);
                    _progress?.Invoke();
                }
                catch (Exception e)
                {
                    Fail(index, e);
                    break;
                }
                finally
                {
                    Pass(ref _writeTurn);
                }
            }
        }
        finally
        {
            own?.Dispose();
        }

        return summary;
    }

    /// <summary>In file order: the block's rows numbered after the blocks before it, and checked for repeated IDs.</summary>
    private void Check(int index, InstallationRow[] rows, UInt128[] ids, int count)
    {
        for (var i = 0; i < count; i++)
        {
            rows[i] = rows[i] with { Row = _rowBase + rows[i].Row };
        }

        _rowBase += count;
        _blocks.CheckDuplicates(rows, ids, count);
        if (index == 0 && _blocks.Length > 0 && count > 0)
        {
            // Sized for the rows the whole file holds at the first block's rate, plus 8%.
            _blocks.First.Reserve((long)(_blocks.Length / (double)_blocks.FirstBlockBytes * count * 1.08));
        }
    }

    /// <summary>
    /// Evaluates, explains and writes <paramref name="rows"/> in order (an invalid row as <c>Invalid</c>) and counts
    /// them in <paramref name="summary"/>; <paramref name="facts"/>, <paramref name="outcomes"/> and
    /// <paramref name="messageEnds"/> are scratch at least as long as the rows, <paramref name="messages"/> grows to
    /// hold the rows' messages. Shared by the blocks and the sequential path of <c>evaluate</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void EvaluateRows(EligibilityEvaluator evaluator, EvaluationOptions options, ReadOnlySpan<InstallationRow> rows, InstallationFacts[] facts, EligibilityOutcome[] outcomes, int[] messageEnds, ref char[] messages, ResultWriter writer, RunSummary summary)
    {
        var valid = 0;
        foreach (var row in rows)
        {
            if (row.Facts is { } f)
            {
                facts[valid++] = f;
            }
        }

        evaluator.EvaluateBatchExplained(facts.AsSpan(0, valid), outcomes, messageEnds, options, ref messages);
        var next = 0;
        foreach (var row in rows)
        {
            if (row.Facts is null)
            {
                writer.Write(new ResultLine(row.InstallationId, row.Row, null, ResultWriter.InvalidVerdict, default, default, row.Invalid.AsMemory()));
                summary.AddInvalid();
                continue;
            }

            var start = next == 0 ? 0 : messageEnds[next - 1];
            var outcome = outcomes[next];
            writer.Write(new ResultLine(row.InstallationId, row.Row, outcome.VersionLabel, outcome.Verdict.ToString(), outcome.FailedRules, outcome.Warnings, messages.AsMemory(start, messageEnds[next] - start)));
            summary.Add(row.Facts, outcome);
            next++;
        }

        Array.Clear(facts, 0, valid);
    }

    /// <summary>Waits until it is block <paramref name="index"/>'s turn; <see langword="false"/> when a block before it (or it) has failed.</summary>
    private bool Turn(ref int turn, int index)
    {
        lock (_turns)
        {
            while (Volatile.Read(ref turn) != index && _failedAt > index)
            {
                Monitor.Wait(_turns);
            }

            return _failedAt > index;
        }
    }

    private void Pass(ref int turn)
    {
        lock (_turns)
        {
            turn++;
            Monitor.PulseAll(_turns);
        }
    }

    private void Fail(int index, Exception error)
    {
        lock (_turns)
        {
            if (index < _failedAt)
            {
                _failedAt = index;
                _failure = error;
            }

            Monitor.PulseAll(_turns);
        }
    }
}
