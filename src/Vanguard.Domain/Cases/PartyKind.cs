namespace Vanguard.Domain.Cases;

/// <summary>当事人类型 (kind of party): 公民 (a natural person) or 法人或者其他组织 (an organisation).</summary>
public enum PartyKind
{
    /// <summary>公民 (natural person).</summary>
    Person,

    /// <summary>法人或者其他组织 (legal person or other organisation).</summary>
    Organisation,
}
