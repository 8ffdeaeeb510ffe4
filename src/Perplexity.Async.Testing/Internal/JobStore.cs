using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Every job, idempotency key and script of one emulator, behind one lock. Shared by every handler and client
/// made from the emulator, and by both route families.
/// </summary>
internal sealed class JobStore
{
    private readonly object _gate = new();
    private readonly EmulatorSettings _settings;
    private readonly Dictionary<string, JobRecord> _jobs = new(StringComparer.Ordinal);
    private readonly List<JobRecord> _ordered = new();
    private readonly Dictionary<string, JobRecord> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobScript> _jobScripts = new(StringComparer.Ordinal);
    private readonly List<PromptRule> _promptRules = new();
    private JobScript _anyJobScript = JobScript.Empty;
    private long _sequence;

    public JobStore(EmulatorSettings settings) => _settings = settings;

    public DateTimeOffset Now => _settings.TimeProvider.GetUtcNow();

    /// <summary>Creates a job, or returns the live job created earlier with the same idempotency key.</summary>
    public JobRecord Create(CreateRequest request, string? route, string? id = null)
    {
        lock (_gate)
        {
            var now = Now;
            if (request.IdempotencyKey is { } key && _byIdempotencyKey.TryGetValue(key, out var existing) && IsLive(existing, now))
            {
                return existing;
            }

            id ??= NewId();
            if (_jobs.TryGetValue(id, out var clash) && IsLive(clash, now))
            {
                throw new ArgumentException($"A job with id '{id}' already exists.", nameof(id));
            }

            var job = new JobRecord(id, ++_sequence, request, route, now);
            job.Plan(ScriptFor(id, request.Prompt), _settings);
            _jobs[id] = job;
            _ordered.Add(job);
            if (request.IdempotencyKey is { } newKey)
            {
                _byIdempotencyKey[newKey] = job;
            }

            return job;
        }
    }

    public bool TryGet(string id, out JobRecord job, out DateTimeOffset now)
    {
        lock (_gate)
        {
            now = Now;
            return _jobs.TryGetValue(id, out job!) && IsLive(job, now);
        }
    }

    /// <summary>Runs <paramref name="read"/> under the lock, so a job's state cannot change while it is written out.</summary>
    public T Read<T>(Func<DateTimeOffset, T> read)
    {
        lock (_gate)
        {
            return read(Now);
        }
    }

    /// <summary>The live jobs, newest first, after the job the token points at.</summary>
    /// <exception cref="FormatException">The token is not one this store issued.</exception>
    public ListPage List(int limit, string? nextToken)
    {
        var after = nextToken is null ? long.MaxValue : ParseToken(nextToken);
        lock (_gate)
        {
            var now = Now;
            var page = new List<JobRecord>(Math.Min(limit, _ordered.Count));
            string? token = null;
            for (var i = _ordered.Count - 1; i >= 0; i--)
            {
                var job = _ordered[i];
                if (job.Sequence >= after || !IsLive(job, now))
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    token = MakeToken(page[page.Count - 1].Sequence);
                    break;
                }

                page.Add(job);
            }

            return new ListPage(page, token);
        }
    }

    public IReadOnlyList<EmulatedJob> Snapshot()
    {
        lock (_gate)
        {
            var now = Now;
            return _ordered.Where(j => IsLive(j, now)).Select(j => j.Snapshot(now)).ToArray();
        }
    }

    public PromptRule AddPromptRule(Func<string, bool> matches)
    {
        var rule = new PromptRule(matches);
        lock (_gate)
        {
            _promptRules.Add(rule);
        }

        return rule;
    }

    public void UpdatePromptRule(PromptRule rule, Func<JobScript, JobScript> update)
    {
        lock (_gate)
        {
            rule.Script = update(rule.Script);
        }
    }

    public void UpdateAnyJobScript(Func<JobScript, JobScript> update)
    {
        lock (_gate)
        {
            _anyJobScript = update(_anyJobScript);
        }
    }

    /// <summary>
    /// Scripts one job: a live job is re-planned from now on; an id not seen yet is scripted for when it is
    /// created (with <see cref="PerplexityEmulator.AddJob"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The job has already finished.</exception>
    public void UpdateJobScript(string id, Func<JobScript, JobScript> update)
    {
        lock (_gate)
        {
            var now = Now;
            var live = _jobs.TryGetValue(id, out var job) && IsLive(job, now);
            var current = _jobScripts.TryGetValue(id, out var script) ? script : live ? job!.Script : JobScript.Empty;
            var next = update(current);
            if (live)
            {
                job!.Replan(next, now);
            }

            _jobScripts[id] = next;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _jobs.Clear();
            _ordered.Clear();
            _byIdempotencyKey.Clear();
            _jobScripts.Clear();
            _promptRules.Clear();
            _anyJobScript = JobScript.Empty;
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("D");

    private static string MakeToken(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)));

    private static long ParseToken(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException ex)
        {
            throw new FormatException("The next_token is not valid base64.", ex);
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new FormatException("The next_token was not issued by this emulator.");
        }

        return sequence;
    }

    private bool IsLive(JobRecord job, DateTimeOffset now) => now - job.CreatedAt < _settings.Retention;

    private JobScript ScriptFor(string id, string prompt)
    {
        if (_jobScripts.TryGetValue(id, out var script))
        {
            return script;
        }

        for (var i = _promptRules.Count - 1; i >= 0; i--)
        {
            if (_promptRules[i].Matches(prompt))
            {
                return _promptRules[i].Script;
            }
        }

        return _anyJobScript;
    }
}
