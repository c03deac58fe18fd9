package nl.nabij.steering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two areas, or one area in two periods (a pilot before and after), side by side: per steering figure, its value in
 * each and the second minus the first.
 */
public record SteeringComparison(SteeringScope first, SteeringScope second, List<Difference> figures) {

    /** One figure of both sides; a value is null where it is suppressed or undefined, and then so is the difference. */
    public record Difference(String name, Double first, Double second, Double difference) {}

    static SteeringComparison of(
            Clientism firstClientism,
            ApplicationWaiting firstWaiting,
            Clientism secondClientism,
            ApplicationWaiting secondWaiting) {
        Map<String, Double> first = figures(firstClientism, firstWaiting);
        Map<String, Double> second = figures(secondClientism, secondWaiting);
        List<Difference> differences = new ArrayList<>();
        first.forEach((name, a) -> {
            Double b = second.get(name);
            differences.add(new Difference(name, a, b, a == null || b == null ? null : b - a));
        });
        return new SteeringComparison(firstClientism.scope(), secondClientism.scope(), differences);
    }

    private static Map<String, Double> figures(Clientism clientism, ApplicationWaiting waiting) {
        ReferralFigures team = clientism.teamMembers();
        WaitingFigures total = waiting.total();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("referrals", number(clientism.referrals()));
        figures.put("teamMemberReferrals", number(team.referrals()));
        figures.put("teamMemberReferralsToOwnEmployer", number(team.toOwnEmployer()));
        figures.put("ownEmployerShare", team.ownEmployerShare());
        figures.put("expectedOwnEmployerShare", team.expectedShare());
        figures.put("ownEmployerShareOverExpected", team.difference());
        figures.put("applicationsSubmitted", number(total.submitted()));
        figures.put("applicationsDecided", number(total.decided()));
        figures.put("applicationsOpen", number(total.open()));
        figures.put("applicationsOverdue", number(total.overdue()));
        figures.put("overdueShare", total.overdueShare());
        figures.put("medianWaitingDays", total.medianWaitingDays());
        figures.put("medianOpenDays", total.medianOpenDays());
        return figures;
    }

    private static Double number(Integer count) {
        return count == null ? null : count.doubleValue();
    }
}
