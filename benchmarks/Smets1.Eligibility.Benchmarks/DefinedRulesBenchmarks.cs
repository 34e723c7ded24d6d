using BenchmarkDotNet.Attributes;
using NRules;
using NRules.Fluent;
using Smets1.Eligibility.NRules;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// One million installations with eight declared facts: v17 plus eight supplier checks written by hand in C# (the
/// baseline) against the same checks defined in a version file and compiled into v17's delegate, and against the
/// same version exported to NRules and run in sessions of 1,000 installations (what a supplier running the TMAD
/// checks inside its own NRules sessions pays), and against the peer: the same checks as a Microsoft RulesEngine
/// workflow (<see cref="RulesEnginePeer"/>).
/// </summary>
[MemoryDiagnoser]
public class DefinedRulesBenchmarks
{
    private SupplierPolicy _policy = null!;
    private SupplierPolicy.HandWritten _handWritten = null!;
    private EligibilityEvaluator _evaluator = null!;
    private EligibilityOutcome[] _results = [];
    private ISessionFactory _sessions = null!;
    private Dictionary<InstallationFacts, int> _indexes = null!;
    private RulesEnginePeer _rulesEngine = null!;

    /// <summary>How many installations one NRules session holds.</summary>
    public const int SessionSize = 1_000;

    [GlobalSetup]
    public void Setup()
    {
        _policy = new SupplierPolicy(BenchmarkData.Count);
        _handWritten = _policy.CreateHandWritten();
        _evaluator = new EligibilityEvaluator(_policy.Catalog, BenchmarkData.Estate.Epcl);
        _results = new EligibilityOutcome[_policy.Installations.Length];
        _rulesEngine = new RulesEnginePeer(_policy, BenchmarkData.Estate.Epcl);
        var repository = new RuleRepository();
        repository.Add(NRulesExporter.Export(_evaluator, SupplierPolicy.Pinned.PinnedVersion!));
        _sessions = repository.Compile();
        _indexes = new Dictionary<InstallationFacts, int>(_policy.Installations.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _policy.Installations.Length; i++)
        {
            _indexes[_policy.Installations[i]] = i;
        }
    }

    [Benchmark(Baseline = true)]
    public EligibilityOutcome HandWritten()
    {
        _handWritten.EvaluateBatch(_policy.Installations, _policy.Typed, _results);
        return _results[^1];
    }

    [Benchmark]
    public EligibilityOutcome DefinedInJson()
    {
        _evaluator.EvaluateBatch(_policy.Installations, _results, SupplierPolicy.Pinned);
        return _results[^1];
    }

    /// <summary>The peer: the same eighteen checks as a Microsoft RulesEngine 6.0.1 workflow, one installation at a time.</summary>
    [Benchmark]
    public EligibilityOutcome RulesEngine()
    {
        _rulesEngine.EvaluateBatch(_policy.Installations, _policy.Typed, _results);
        return _results[^1];
    }

    [Benchmark]
    public EligibilityOutcome NRulesSession()
    {
        var installations = _policy.Installations;
        for (var start = 0; start < installations.Length; start += SessionSize)
        {
            var session = _sessions.CreateSession();
            session.InsertAll(installations.AsSpan(start, Math.Min(SessionSize, installations.Length - start)).ToArray());
            session.Insert(_evaluator.Epcl);
            session.Fire();
            foreach (var result in session.Query<TmadResult>())
            {
                _results[_indexes[result.Installation]] = result.Outcome;
            }
        }

        return _results[^1];
    }
}
