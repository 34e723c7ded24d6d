using System.Diagnostics.CodeAnalysis;
using NodaTime;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// The TMAD versions known to an application: the shipped ones and any the user registered, sorted by
/// effective date, with version resolution by date (TMAD-RULES §3) and the rule catalogue.
/// </summary>
/// <remarks>Immutable and thread-safe. Build one with registered versions through <see cref="TmadCatalogBuilder"/>.</remarks>
public sealed class TmadCatalog
{
    // Static fields are initialised in this order. The eras' version files are read first: that needs no time zone, so
    // it overlaps the loading of the time zone database where a host starts that early (the tool does).
    private static readonly IReadOnlyList<VersionDefinition> InferredEras = InferredTimeline.Read();
    private static readonly TmadCatalog Designated = new(ShippedVersions.All, RuleTable.BuiltIn, FactSchema.Empty);

    private readonly Dictionary<string, TmadVersion> _byLabel;
    private readonly Timeline _timeline;
    private readonly Timeline _eras;

    // The compiled checks of each version, made when first needed (a default run never needs the inferred eras) and
    // shared by every evaluator over this catalogue; one lock per version, so a thread that needs a version another is
    // compiling waits for it instead of compiling it again.
    private readonly CompiledVersion?[] _compiled;
    private readonly object[] _compiling;

    internal TmadCatalog(IEnumerable<TmadVersion> versions, RuleTable table, FactSchema facts)
    {
        Table = table;
        Facts = facts;
        var sorted = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        Versions = sorted;
        Labels = [.. sorted.Select(v => v.Label)];
        _byLabel = sorted.ToDictionary(v => v.Label, StringComparer.Ordinal);
        _timeline = new Timeline(sorted, inferred: false);
        _eras = new Timeline(sorted, inferred: true);
        _compiled = new CompiledVersion?[sorted.Length];
        _compiling = [.. sorted.Select(_ => new object())];
    }

    /// <summary>The compiled checks of version <paramref name="index"/> (of <see cref="Versions"/>), compiled once, by whichever thread asks first.</summary>
    internal CompiledVersion Compiled(int index) => Volatile.Read(ref _compiled[index]) ?? Compile(index);

    private CompiledVersion Compile(int index)
    {
        lock (_compiling[index])
        {
            if (Volatile.Read(ref _compiled[index]) is { } compiled)
            {
                return compiled;
            }

            compiled = CompiledVersion.Compile(Versions[index], this);
            Volatile.Write(ref _compiled[index], compiled);
            return compiled;
        }
    }

    /// <summary>
    /// Starts compiling, on a background thread, the versions a run under <paramref name="options"/> can use (the pinned
    /// one, or every version date resolution can pick), so that a command compiles them while it opens its inputs; a
    /// version still being compiled when first needed is waited for, one not yet begun is compiled by whoever needs it.
    /// </summary>
    internal void CompileAhead(in EvaluationOptions options, bool includeInferredTimeline)
    {
        var pinned = options.PinnedVersion is { } label && _byLabel.TryGetValue(label, out var version) ? version : null;
        var inferred = includeInferredTimeline || options.IncludeInferredTimeline;
        var indexes = Enumerable.Range(0, Versions.Count)
            .Where(i => pinned is null ? inferred || !Versions[i].IsInferred : ReferenceEquals(Versions[i], pinned))
            .ToArray();
        var thread = new Thread(() =>
        {
            foreach (var index in indexes)
            {
                try
                {
                    Compiled(index);
                }
                catch (Exception)
                {
                    // Raised again, and reported, where the version is first needed.
                }
            }
        })
        {
            IsBackground = true,
            Name = "compile versions",
        };
        thread.Start();
    }

    /// <summary>
    /// The versions the library ships: v9, v11, v17 and v29, and the five eras of the inferred timeline
    /// (TMAD-RULES §3a, <see cref="TmadVersion.IsInferred"/>), which take part in date resolution only when the
    /// timeline is turned on (<see cref="EvaluationOptions.IncludeInferredTimeline"/>) and can always be pinned.
    /// </summary>
    public static TmadCatalog Shipped { get; } = InferredTimeline.AddTo(Designated, InferredEras);

    /// <summary>Every version, sorted by effective date.</summary>
    public IReadOnlyList<TmadVersion> Versions { get; }

    /// <summary>Every version's label, sorted by effective date.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>
    /// Every rule in catalogue order: the built-in rules of TMAD-RULES §5 (including the engine's own checks and
    /// rules not adopted), then the rules registered versions define, in definition order.
    /// </summary>
    public IReadOnlyList<RuleDefinition> Rules => Table.Rules;

    /// <summary>The facts registered versions declare (RULE-FILES.md): the extra columns of the installation file.</summary>
    public FactSchema Facts { get; }

    /// <summary>The built-in facts conditions can read: the installation file's columns, then the EPCL facts of the DMC.</summary>
    public static IReadOnlyList<FactDefinition> BuiltInFacts => Engine.BuiltInFacts.All;

    internal RuleTable Table { get; }

    /// <summary>Finds a rule (built-in or defined) by ID.</summary>
    /// <param name="ruleId">A rule ID.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No rule has that ID.</exception>
    public RuleDefinition GetRule(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return TryGetRule(ruleId, out var rule)
            ? rule
            : throw new KeyNotFoundException($"No rule has the ID '{ruleId}'. The rule IDs are: {string.Join(", ", Table.Rules.Select(r => r.Id))}.");
    }

    /// <summary>Tries to find a rule (built-in or defined) by ID.</summary>
    /// <param name="ruleId">A rule ID.</param>
    /// <param name="rule">The rule when found.</param>
    /// <returns><see langword="true"/> when a rule has that ID.</returns>
    public bool TryGetRule(string? ruleId, [NotNullWhen(true)] out RuleDefinition? rule)
    {
        var index = ruleId is null ? -1 : Table.IndexOf(ruleId);
        rule = index >= 0 ? Table.Rules[index] : null;
        return rule is not null;
    }

    /// <summary>A set of this catalogue's rules (built-in or defined) by ID.</summary>
    /// <param name="ruleIds">The IDs.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">An ID is not a rule of this catalogue.</exception>
    public RuleSet RuleSetOf(params IEnumerable<string> ruleIds) => RuleSet.Of(Table, ruleIds);

    /// <summary>Gets a version by label.</summary>
    /// <param name="label">The label, for example <c>v17</c> (ordinal, case-sensitive).</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No version has that label; the message lists those that exist.</exception>
    public TmadVersion Get(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return _byLabel.TryGetValue(label, out var version)
            ? version
            : throw new KeyNotFoundException(
                $"No TMAD version is labelled '{label}'. Known versions: {string.Join(", ", Labels)}. " +
                "Use one of those labels, or register the version with TmadCatalogBuilder.Register.");
    }

    /// <summary>Tries to get a version by label.</summary>
    /// <param name="label">The label.</param>
    /// <param name="version">The version when found.</param>
    /// <returns><see langword="true"/> when a version has that label.</returns>
    public bool TryGet(string? label, [NotNullWhen(true)] out TmadVersion? version)
    {
        version = null;
        return label is not null && _byLabel.TryGetValue(label, out version);
    }

    /// <summary>
    /// The version in force at an assessment instant: the one whose effective date (from Europe/London
    /// midnight) is the latest on or before it, unless that version has expired and a later one is yet to
    /// start (a gap). After the last version's expiry, the last version still resolves (its
    /// <c>TMAD-IN-FORCE</c> check then fails). With the inferred timeline, an era resolves a date that no shipped
    /// or registered version covers; those versions override an era on every date they cover.
    /// </summary>
    /// <param name="assessedAt">The assessment instant.</param>
    /// <param name="includeInferredTimeline">Whether the eras of the inferred timeline (TMAD-RULES §3a) take part.</param>
    /// <returns>The resolution: a version, or a message naming the gap.</returns>
    public VersionResolution Resolve(Instant assessedAt, bool includeInferredTimeline = false)
    {
        var index = IndexAt(assessedAt, includeInferredTimeline);
        return index >= 0 ? new VersionResolution(Versions[index], null) : new VersionResolution(null, DescribeGap(assessedAt));
    }

    /// <summary>The version in force on a UK calendar date (from its Europe/London midnight).</summary>
    /// <param name="date">The date.</param>
    /// <param name="includeInferredTimeline">Whether the eras of the inferred timeline take part.</param>
    /// <returns>The resolution.</returns>
    public VersionResolution Resolve(LocalDate date, bool includeInferredTimeline = false) => Resolve(StartOf(date), includeInferredTimeline);

    /// <summary>Creates a builder that starts from this catalogue's versions.</summary>
    /// <returns>The builder.</returns>
    public TmadCatalogBuilder ToBuilder() => new(this);

    /// <summary>The index in <see cref="Versions"/> in force at an instant, or -1 in a gap. Does not allocate.</summary>
    internal int IndexAt(Instant assessedAt, bool includeInferredTimeline = false)
    {
        var index = _timeline.IndexAt(assessedAt, lastExtends: true);
        return index < 0 && includeInferredTimeline ? _eras.IndexAt(assessedAt, lastExtends: false) : index;
    }

    /// <summary>The era that derives a version, if any: the version itself, or the era its bases lead to.</summary>
    internal TmadVersion? EraOf(TmadVersion version)
    {
        for (var v = version; v is not null; v = v.BasedOn is { } b && TryGet(b, out var next) ? next : null)
        {
            if (v.IsInferred)
            {
                return v;
            }
        }

        return null;
    }

    internal static Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(Text.London).ToInstant();

    private string DescribeGap(Instant assessedAt)
    {
        var date = Text.Date(assessedAt.InZone(Text.London).Date);
        var hint = _eras.IndexAt(assessedAt, lastExtends: false) is var era and >= 0
            ? $"; the inferred timeline (--inferred, IncludeInferredTimeline) would resolve it to {Versions[era].Label}"
            : string.Empty;
        return _timeline.DescribeGap(assessedAt, date) + hint;
    }

    /// <summary>The versions that take part in one resolution, by effective date, with the instants each covers.</summary>
    private sealed class Timeline
    {
        private readonly TmadVersion[] _versions;
        private readonly int[] _indexes;
        private readonly Instant[] _starts;
        private readonly Instant[] _ends;

        public Timeline(TmadVersion[] sorted, bool inferred)
        {
            // An era that a registered version shares its effective date with is left out of date resolution (it is still pinnable).
            _indexes = [.. Enumerable.Range(0, sorted.Length).Where(i => sorted[i].IsInferred == inferred
                && !(inferred && sorted.Any(v => !v.IsInferred && v.EffectiveFrom == sorted[i].EffectiveFrom)))];
            _versions = [.. _indexes.Select(i => sorted[i])];
            _starts = [.. _versions.Select(v => StartOf(v.EffectiveFrom))];
            _ends = [.. _versions.Select(v => Text.EndOfDay(v.Expiry))];
        }

        public int IndexAt(Instant at, bool lastExtends)
        {
            var i = _starts.Length - 1;
            while (i >= 0 && _starts[i] > at)
            {
                i--;
            }

            return i >= 0 && (at < _ends[i] || (lastExtends && i == _starts.Length - 1)) ? _indexes[i] : -1;
        }

        public string DescribeGap(Instant at, string date)
        {
            if (_versions.Length == 0)
            {
                return $"no TMAD version covers {date}: the catalogue holds no versions";
            }

            var i = _starts.Length - 1;
            while (i >= 0 && _starts[i] > at)
            {
                i--;
            }

            if (i < 0)
            {
                var first = _versions[0];
                return $"no TMAD version covers {date}: the earliest known version, {first.Label}, takes effect on {Text.Date(first.EffectiveFrom)}; register a version covering it or pin one";
            }

            var expired = _versions[i];
            var next = _versions[i + 1];
            return $"no TMAD version covers {date}: {expired.Label} expired on {Text.Date(expired.Expiry)} and {next.Label} takes effect on {Text.Date(next.EffectiveFrom)}; register a version covering it or pin one";
        }
    }
}
