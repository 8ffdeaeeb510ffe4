using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>
/// A PostgreSQL server for the integration tests: the one named by <c>PERPLEXITY_HANGFIRE_PG</c> (a connection string)
/// when set, else a private cluster this fixture creates (<c>initdb</c> into a temporary folder) and starts
/// (<c>pg_ctl</c>, on 127.0.0.1 and a free port, as the <c>postgres</c> user through <c>runuser</c> when run as root), and
/// removes afterwards. Without PostgreSQL's programs it fails, saying how to install them; nothing is skipped.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string ConnectionStringVariable = "PERPLEXITY_HANGFIRE_PG";

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;

    public PostgresCluster()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        _binDirectory = FindBinaries() ?? throw new InvalidOperationException(
            "The PostgreSQL integration tests need PostgreSQL's server programs (initdb, pg_ctl) and found none in "
            + "/usr/lib/postgresql/*/bin or on PATH. Install them (Debian/Ubuntu: `apt-get install -y postgresql`), or set "
            + $"{ConnectionStringVariable} to the connection string of a server to use.");
        var root = Path.Combine(Path.GetTempPath(), "perplexity-hangfire-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        _dataDirectory = Path.Combine(root, "data");
        var asRoot = IsRoot();
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {root}", asPostgres: false);
        }

        var port = FreePort();
        Run(Path.Combine(_binDirectory, "initdb"), $"-D {_dataDirectory} -U postgres -A trust --no-sync -E UTF8 --locale=C", asRoot);
        Run(
            Path.Combine(_binDirectory, "pg_ctl"),
            $"start -w -t 60 -D {_dataDirectory} -l {Path.Combine(root, "server.log")} "
            + $"-o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\"",
            asRoot);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            Run(Path.Combine(_binDirectory, "pg_ctl"), $"stop -D {_dataDirectory} -m immediate -w", IsRoot());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")) && File.Exists(Path.Combine(d, "bin", "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return Path.Combine(newest, "bin");
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static bool IsRoot() => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {arguments} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }
}
