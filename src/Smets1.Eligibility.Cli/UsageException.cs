namespace Smets1.Eligibility.Cli;

/// <summary>A usage error (bad option, unreadable file, missing or unknown column): one line on standard error, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
