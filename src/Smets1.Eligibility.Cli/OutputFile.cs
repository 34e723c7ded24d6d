using System.Runtime.InteropServices;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// An output file that is never left half-written (FILES-AND-CLI.md, "Nothing is overwritten by mistake"): the
/// content goes to a temporary file beside the target, which replaces the target only in <see cref="Commit"/>.
/// Disposing without committing, Ctrl+C and SIGTERM delete the temporary file and leave the previous target as it
/// was. Devices and pipes (<c>/dev/full</c>, <c>/dev/stdout</c>) are written directly: they cannot be replaced.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string _target;
    private readonly string? _temporary;
    private readonly PosixSignalRegistration[] _signals;
    private bool _committed;

    private readonly FileStream _file;
    private readonly RunCounts? _counts;

    private OutputFile(string target, string? temporary, FileStream stream, RunCounts? counts)
    {
        _target = target;
        _temporary = temporary;
        _file = stream;
        _counts = temporary is null ? null : counts;
        Stream = _counts is null ? stream : new DigestingStream(stream);
        _signals = temporary is null
            ? []
            : [PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupted), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupted)];
    }

    /// <summary>Where to write the content.</summary>
    public Stream Stream { get; }

    /// <summary>Creates the temporary file for <paramref name="path"/>.</summary>
    /// <param name="path">The target.</param>
    /// <param name="counts">When given, the content is hashed as it is written and, once committed, kept in its <see cref="RunCounts.Written"/> for the run record.</param>
    /// <exception cref="UsageException">The folder cannot be written.</exception>
    public static OutputFile Create(string path, RunCounts? counts = null)
    {
        var target = Path.GetFullPath(path);
        try
        {
            if (IsSpecial(target))
            {
                return new OutputFile(target, null, new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), null);
            }

            var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
            return new OutputFile(target, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), counts);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write the output file '{path}': {e.Message}");
        }
    }

    /// <summary>Checks that an output is not one of the inputs: by full path, through symbolic links, and by device and inode (hard links).</summary>
    /// <exception cref="UsageException">It is.</exception>
    public static void EnsureNotAnInput(string? output, string option, params (string? Path, string What)[] inputs)
    {
        if (output is null)
        {
            return;
        }

        var target = Identity(output);
        var targetFile = FileIdentity.Of(output);
        foreach (var (path, what) in inputs)
        {
            if (path is not null && path != InputFiles.StandardInput
                && (string.Equals(Identity(path), target, StringComparison.Ordinal) || (targetFile is not null && FileIdentity.Of(path) == targetFile)))
            {
                throw new UsageException($"{option} '{output}' is the same file as the {what} '{path}'; writing it would destroy the input. Choose another output file.");
            }
        }
    }

    /// <summary>Makes the content the target's: flushes, then renames the temporary file over the target.</summary>
    public void Commit()
    {
        _file.Flush(flushToDisk: false);
        _file.Dispose();
        if (_temporary is not null)
        {
            File.Move(_temporary, _target, overwrite: true);
        }

        if (_counts is not null && Stream is DigestingStream written)
        {
            _counts.Written[_target] = written;
        }

        _committed = true;
    }

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        if (!_committed)
        {
            Discard();
        }
    }

    /// <summary>Ctrl+C or SIGTERM: the temporary file goes, the previous target stays, and the run ends with exit code 1.</summary>
    private void Interrupted(PosixSignalContext context)
    {
        if (_committed)
        {
            return;
        }

        context.Cancel = true;
        Discard();
        try
        {
            Console.Error.WriteLine($"smets1-eligibility: interrupted ({context.Signal}); '{_target}' was not changed.");
        }
        catch (IOException)
        {
            // standard error is gone as well
        }

        Environment.Exit(ExitCodes.Failed);
    }

    private void Discard()
    {
        try
        {
            _file.Dispose();
        }
        catch (IOException)
        {
            // a full disk refuses the last flush too; the file is deleted either way
        }

        if (_temporary is not null)
        {
            try
            {
                File.Delete(_temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // nothing more can be done; the target itself was never touched
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> (a full path) is a device or a file of /proc, written in place.</summary>
    internal static bool IsSpecial(string path) =>
        File.Exists(path) && (path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal)
            || (File.GetAttributes(path) & FileAttributes.Device) != 0);

    private static string Identity(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
