using Transparency.Dataset.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
