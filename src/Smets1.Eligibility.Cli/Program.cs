using Microsoft.Win32.SafeHandles;
using Smets1.Eligibility.Cli;

// When standard output is a pipe, write it as a plain file stream on descriptor 1: unlike the console stream, which
// ignores EPIPE, it reports a pipe closed early (`evaluate big.csv | head`) as an IOException, so the run ends with exit
// code 1. A regular file or a terminal keeps the console stream, which writes at the shared file offset (a file stream
// would write at its own) and reports a full disk itself.
LoadTimeZonesAhead();
return CliApp.Run(args, StandardOutput(), Console.Error);

// The time zone database (NodaTime's TZDB, for Europe/London) takes a good part of the tool's start-up to load; it loads
// on another core while this thread sets up the console, parses the command line and reads the shipped catalogue's
// version files. Whoever needs it first waits for it (a type initialiser runs once, whichever thread gets there).
static void LoadTimeZonesAhead()
{
    var thread = new Thread(static () =>
    {
        try
        {
            _ = NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"];
        }
        catch (TypeInitializationException)
        {
            // Raised again, and reported, where the time zone is first used.
        }
    })
    {
        IsBackground = true,
        Name = "time zones",
    };
    thread.Start();
}

static Stream StandardOutput()
{
    if (OperatingSystem.IsWindows())
    {
        return Console.OpenStandardOutput();
    }

    try
    {
        var pipe = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!pipe.CanSeek && Console.IsOutputRedirected)
        {
            return pipe;
        }

        pipe.Dispose();
        return Console.OpenStandardOutput();
    }
    catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
    {
        return Console.OpenStandardOutput(); // descriptor 1 is closed: nothing written there can be read anyway
    }
}
