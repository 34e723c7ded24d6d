using System.Runtime.InteropServices;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// Which file a path names, as the operating system tells it: the device and inode from <c>stat</c> on Linux, so
/// that a hard link to an input is caught as well as the same path or a symbolic link. Where <c>stat</c> cannot be
/// asked, <see langword="null"/>, and callers compare full paths.
/// </summary>
internal static partial class FileIdentity
{
    public static (ulong Device, ulong Inode)? Of(string path)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            return null;
        }

        try
        {
            // struct stat begins with st_dev and st_ino (8 bytes each) on the 64-bit Linux ABIs .NET runs on.
            var buffer = new byte[256];
            return Stat(path, buffer) == 0 ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8)) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
