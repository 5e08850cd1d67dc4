namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// The user gave the command something it cannot use: a missing option, a timestamp that is not an integer, an
/// unset token variable. The command prints the message as one line on stderr and exits with 2.
/// </summary>
internal sealed class BadInputException : Exception
{
    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException()
    {
    }

    public BadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
