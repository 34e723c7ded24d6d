using Microsoft.Extensions.Logging;
using Smets1.Eligibility.DependencyInjection;
using Smets1.Eligibility.Files;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// The current <see cref="EligibilityEvaluator"/> of a registration whose EPCL comes from a file
/// (<see cref="EligibilityOptions.EpclFile"/> with <see cref="EligibilityOptions.ReloadEpclOnChange"/>): when the file
/// changes it is read again and, if it is a valid EPCL, a new evaluator replaces the current one; if it is not, the
/// current one stays and the problem is logged. Without reloading, <see cref="Current"/> never changes.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Current"/> is swapped atomically, so a caller that reads it once per batch evaluates the
/// whole batch against one EPCL. The <see cref="EligibilityEvaluator"/> registered beside it is the first evaluator
/// and does not change; resolve this source where the EPCL must stay fresh.
/// </remarks>
public sealed class EligibilityEvaluatorSource : IDisposable
{
    private readonly TmadCatalog _catalog;
    private readonly CohortClosures _closures;
    private readonly bool _inferred;
    private readonly string? _path;
    private readonly ILogger? _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly object _reloading = new();
    private EligibilityEvaluator _current;

    internal EligibilityEvaluatorSource(EligibilityEvaluator first, string? path, bool watch, ILoggerFactory? loggers)
    {
        _current = first;
        _catalog = first.Catalog;
        _closures = first.CohortClosures;
        _inferred = first.IncludeInferredTimeline;
        _path = path is null ? null : Path.GetFullPath(path);
        _logger = loggers?.CreateLogger(EligibilityLog.Category);
        if (watch && _path is not null)
        {
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
            };
            _watcher.Changed += (_, _) => Reload();
            _watcher.Created += (_, _) => Reload();
            _watcher.Renamed += (_, _) => Reload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Raised after a reload replaced <see cref="Current"/>.</summary>
    public event EventHandler? Reloaded;

    /// <summary>The evaluator with the EPCL as last read.</summary>
    public EligibilityEvaluator Current => Volatile.Read(ref _current);

    /// <summary>
    /// Reads the EPCL file again now and, if it is valid, replaces <see cref="Current"/>; a file that cannot be read
    /// or is not a valid EPCL leaves <see cref="Current"/> as it was (and is logged).
    /// </summary>
    /// <returns>Whether <see cref="Current"/> was replaced.</returns>
    public bool Reload()
    {
        if (_path is null)
        {
            return false;
        }

        lock (_reloading)
        {
            Epcl epcl;
            try
            {
                epcl = EpclFile.Load(_path);
            }
            catch (Exception e) when (e is EligibilityFileException or IOException or UnauthorizedAccessException)
            {
                EligibilityLog.EpclReloadFailed(_logger, _path, e.Message);
                return false;
            }

            Volatile.Write(ref _current, new EligibilityEvaluator(_catalog, epcl, _closures, _inferred));
            EligibilityLog.EpclReloaded(_logger, _path, epcl.Count);
        }

        Reloaded?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>Stops watching the file.</summary>
    public void Dispose() => _watcher?.Dispose();
}
