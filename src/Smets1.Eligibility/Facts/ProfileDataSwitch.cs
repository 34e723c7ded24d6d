namespace Smets1.Eligibility;

/// <summary>The Communications Hub switch that controls the provision of profile (half-hourly) data.</summary>
public enum ProfileDataSwitch
{
    /// <summary>Profile data is not provided (<c>OFF</c>).</summary>
    Off,

    /// <summary>Profile data is provided (<c>ON</c>).</summary>
    On,
}
