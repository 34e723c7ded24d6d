using Microsoft.Win32.SafeHandles;
using Smets1.Eligibility.Cli;

// When standard output is a pipe, write it as a plain file stream on descriptor 1: unlike the console stream, which
// ignores EPIPE, it reports a pipe closed early (`evaluate big.csv | head`) as an IOException, so the run ends with exit
// code 1. A regular file or a terminal keeps the console stream, which writes at the shared file offset (a file stream
// would write at its own) and reports a full disk itself.
LoadAhead("time zones", static () => _ = NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"]);
LoadAhead("catalogue", static () => _ = Smets1.Eligibility.Versions.TmadCatalog.Shipped);
return CliApp.Run(args, StandardOutput(), Console.Error);

// The time zone database (NodaTime's TZDB, for Europe/London) and the shipped catalogue (whose inferred eras are read
// from version files) take a good part of the tool's start-up to load; they load on other cores while this thread sets
// up the console and parses the command line. Whoever needs one first waits for it (a type initialiser runs once,
// whichever thread gets there; the catalogue's waits for the time zones where it needs them).
static void LoadAhead(string name, Action load)
{
    var thread = new Thread(() =>
    {
        try
        {
            load();
        }
        catch (TypeInitializationException)
        {
            // Raised again, and reported, where it is first used.
        }
    })
    {
        IsBackground = true,
        Name = name,
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
