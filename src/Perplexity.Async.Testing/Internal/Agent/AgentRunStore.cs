using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Every Agent run and Agent script of one emulator, behind one lock. Runs are kept until <see cref="Reset"/> (the
/// live retention is undocumented).
/// </summary>
internal sealed class AgentRunStore
{
    private readonly object _gate = new();
    private readonly EmulatorSettings _settings;
    private readonly Dictionary<string, AgentRun> _runs = new(StringComparer.Ordinal);
    private readonly List<AgentRun> _ordered = new();
    private readonly Dictionary<string, AgentScript> _runScripts = new(StringComparer.Ordinal);
    private readonly List<AgentPromptRule> _promptRules = new();
    private AgentScript _anyRunScript = AgentScript.Empty;

    public AgentRunStore(EmulatorSettings settings) => _settings = settings;

    public DateTimeOffset Now => _settings.TimeProvider.GetUtcNow();

    public AgentSettings Settings => _settings.Agent;

    public TimeProvider TimeProvider => _settings.TimeProvider;

    /// <summary>Plans and stores a run; a synchronous one (neither background nor stream) happens all at once.</summary>
    public AgentRun Create(ParsedAgentRequest request, string? route, string? id = null, bool resumable = false)
    {
        lock (_gate)
        {
            var now = Now;
            id ??= "resp_" + Guid.NewGuid().ToString("D");
            if (_runs.ContainsKey(id))
            {
                throw new ArgumentException($"An Agent run with id '{id}' already exists.", nameof(id));
            }

            var script = ScriptFor(id, request.Prompt);
            var content = AgentRunPlanner.PlanContent(request, script, now);
            var instant = !request.Background && !request.Stream;
            var timeline = AgentRunPlanner.PlanTimeline(request, script, content, Settings, now, instant);
            var run = new AgentRun(id, request, route, now, script, content, timeline, resumable || (request.Background && request.Stream));
            _runs[id] = run;
            _ordered.Add(run);
            return run;
        }
    }

    /// <summary>Adds a background run without a request (<see cref="PerplexityEmulator.AddAgentRun"/>).</summary>
    /// <exception cref="ArgumentException">The preset or model is unknown, or the id is malformed or taken.</exception>
    public AgentRun Add(string prompt, string presetOrModel, string? id)
    {
        var isPreset = AgentCatalogue.TryGetPreset(presetOrModel, out var found);
        if (!isPreset && !AgentCatalogue.TryGetModel(presetOrModel, out _))
        {
            throw new ArgumentException(
                $"'{presetOrModel}' is neither a preset (fast, low, medium, high, xhigh) nor a model of the catalogue ({string.Join(", ", AgentCatalogue.ModelIds)}).",
                nameof(presetOrModel));
        }

        if (id is not null && !AgentRoutes.IsWellFormedId(id))
        {
            throw new ArgumentException($"'{id}' cannot be an Agent run id: it must be 'resp_' followed by 1 to 100 letters, digits, '_' or '-'.", nameof(id));
        }

        var request = new ParsedAgentRequest
        {
            Prompt = prompt,
            DisplayModel = presetOrModel,
            ResolvedModel = isPreset ? found.Model : presetOrModel,
            Preset = isPreset ? found : null,
            Background = true,
        };
        return Create(request, route: null, id, resumable: true);
    }

    public AgentRun? Find(string id)
    {
        lock (_gate)
        {
            return _runs.TryGetValue(id, out var run) ? run : null;
        }
    }

    /// <summary>Runs <paramref name="read"/> under the lock, so a run cannot change while it is written out.</summary>
    public T Read<T>(Func<DateTimeOffset, T> read)
    {
        lock (_gate)
        {
            return read(Now);
        }
    }

    /// <summary>Cancels a run (see <see cref="AgentRun.TryCancel"/>) and wakes its streams; false when it has already ended.</summary>
    public bool TryCancel(AgentRun run)
    {
        TaskCompletionSource<bool>? signal = null;
        bool acknowledged;
        lock (_gate)
        {
            var before = run.Timeline.Count;
            var last = run.Timeline[before - 1];
            acknowledged = run.TryCancel(Now, Settings.CancelDelay);
            if (acknowledged && (run.Timeline.Count != before || !ReferenceEquals(run.Timeline[run.Timeline.Count - 1], last)))
            {
                signal = run.TakeChangedSignal();
            }
        }

        signal?.TrySetResult(true);
        return acknowledged;
    }

    public void ExpireReplay(string id)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(id, out var run))
            {
                throw new ArgumentException($"There is no Agent run with id '{id}'.", nameof(id));
            }

            run.ReplayExpired = true;
        }
    }

    public IReadOnlyList<EmulatedAgentRun> Snapshot()
    {
        lock (_gate)
        {
            var now = Now;
            return _ordered.Select(r => EmulatedAgentRun.From(r, now)).ToArray();
        }
    }

    public AgentPromptRule AddPromptRule(Func<string, bool> matches)
    {
        var rule = new AgentPromptRule(matches);
        lock (_gate)
        {
            _promptRules.Add(rule);
        }

        return rule;
    }

    public void UpdatePromptRule(AgentPromptRule rule, Func<AgentScript, AgentScript> update)
    {
        lock (_gate)
        {
            rule.Script = update(rule.Script);
        }
    }

    public void UpdateAnyRunScript(Func<AgentScript, AgentScript> update)
    {
        lock (_gate)
        {
            _anyRunScript = update(_anyRunScript);
        }
    }

    /// <summary>Scripts the run that will be added with this id.</summary>
    /// <exception cref="InvalidOperationException">A run with the id already exists (its plan is fixed).</exception>
    public void UpdateRunScript(string id, Func<AgentScript, AgentScript> update)
    {
        lock (_gate)
        {
            if (_runs.ContainsKey(id))
            {
                throw new InvalidOperationException(
                    $"Agent run '{id}' already exists and its timeline is planned; script a run by id before adding it with AddAgentRun, or by prompt before creating it.");
            }

            _runScripts[id] = update(_runScripts.TryGetValue(id, out var script) ? script : AgentScript.Empty);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _runs.Clear();
            _ordered.Clear();
            _runScripts.Clear();
            _promptRules.Clear();
            _anyRunScript = AgentScript.Empty;
        }
    }

    private AgentScript ScriptFor(string id, string prompt)
    {
        if (_runScripts.TryGetValue(id, out var script))
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

        return _anyRunScript;
    }
}
