global using NodaTime;
global using Smets1.Eligibility.Reference;
global using Smets1.Eligibility.Rules;
global using Smets1.Eligibility.Synthetic;
global using Smets1.Eligibility.Testing;
global using Smets1.Eligibility.Versions;
