using System.Linq.Expressions;

namespace Smets1.Eligibility.Engine;

/// <summary>Replaces a lambda's parameters with other expressions, so its body can be inlined elsewhere.</summary>
internal sealed class Rebinder(ParameterExpression from, Expression to, ParameterExpression? secondFrom = null, Expression? secondTo = null)
    : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) =>
        node == from ? to : node == secondFrom ? secondTo! : base.VisitParameter(node);
}
