package org.aesweep.sweep;

/**
 * A least-squares line {@code seconds = a + b * cost} through the finished runs of a sweep, kept
 * from running sums. Both coefficients stay non-negative: with too few or too alike runs to tell a
 * fixed part from a cost-proportional one, it falls back to seconds proportional to cost.
 */
final class RunTimeFit {
    private int n;
    private double sumCost;
    private double sumSeconds;
    private double sumCostSquared;
    private double sumCostSeconds;

    void add(double cost, double seconds) {
        n++;
        sumCost += cost;
        sumSeconds += seconds;
        sumCostSquared += cost * cost;
        sumCostSeconds += cost * seconds;
    }

    /** Predicted seconds of a run of this cost; 0 before any run finished. */
    double predict(double cost) {
        if (n == 0) {
            return 0;
        }
        double meanCost = sumCost / n;
        double meanSeconds = sumSeconds / n;
        double costVariance = sumCostSquared / n - meanCost * meanCost;
        double proportional = meanSeconds / meanCost * cost;
        if (n < 2 || costVariance <= 1e-12 * meanCost * meanCost) {
            return proportional;
        }
        double slope = (sumCostSeconds / n - meanCost * meanSeconds) / costVariance;
        double intercept = meanSeconds - slope * meanCost;
        if (slope < 0) {
            return meanSeconds;
        }
        if (intercept < 0) {
            return proportional;
        }
        return intercept + slope * cost;
    }
}
