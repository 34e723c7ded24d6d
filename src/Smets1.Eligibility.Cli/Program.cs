using Smets1.Eligibility.Cli;

return CliApp.Run(args, Console.OpenStandardOutput(), Console.Error);
