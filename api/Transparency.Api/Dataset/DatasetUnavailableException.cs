namespace Transparency.Api.Dataset;

/// <summary>The database cannot be served; the message names the file and says why, for the operator.</summary>
public sealed class DatasetUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
