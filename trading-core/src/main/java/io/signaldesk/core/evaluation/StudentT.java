package io.signaldesk.core.evaluation;

/**
 * Student's t distribution, the core's one implementation for a mean's interval from a small sample (a lesson's
 * evidence, the answers by lesson version): cdf through the regularized incomplete beta function (its continued
 * fraction, modified Lentz), quantile by bisection on the cdf (to 1e-10).
 */
public final class StudentT {

    private static final double EPS = 1e-14;
    private static final double TINY = 1e-300;

    private StudentT() {
    }

    /** P(T &lt;= t) with {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("df must be positive, got " + df);
        }
        double tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The t with P(T &lt;= t) = p, for 0 &lt; p &lt; 1 and {@code df} degrees of freedom. */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        if (p < 0.5) {
            return -quantile(1 - p, df);
        }
        double low = 0;
        double high = 1;
        while (cdf(high, df) < p) {
            high *= 2;
        }
        while (high - low > 1e-10 * Math.max(1, high)) {
            double mid = (low + high) / 2;
            if (cdf(mid, df) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /**
     * Half the width of the two-sided {@code confidence} interval of a mean of {@code n} values with sample standard
     * deviation {@code stdev}: t(n - 1) standard errors; NaN below two values.
     */
    public static double halfWidth(double stdev, long n, double confidence) {
        if (n < 2 || Double.isNaN(stdev)) {
            return Double.NaN;
        }
        return quantile(0.5 + confidence / 2, n - 1) * stdev / Math.sqrt(n);
    }

    /** I_x(a, b), the regularized incomplete beta function. */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        return x < (a + 1) / (a + b + 2) ? front * fraction(x, a, b) / a : 1 - front * fraction(1 - x, b, a) / b;
    }

    private static double fraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double h = d;
        for (int m = 1; m <= 1000; m++) {
            int m2 = 2 * m;
            for (int step = 0; step < 2; step++) {
                double aa = step == 0 ? m * (b - m) * x / ((a + m2 - 1) * (a + m2))
                        : -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
                d = 1 + aa * d;
                d = 1 / (Math.abs(d) < TINY ? TINY : d);
                c = 1 + aa / c;
                c = Math.abs(c) < TINY ? TINY : c;
                double delta = d * c;
                h *= delta;
                if (step == 1 && Math.abs(delta - 1) < EPS) {
                    return h;
                }
            }
        }
        return h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine coefficients). */
    private static double logGamma(double x) {
        double[] g = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7 };
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) {
            sum += g[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
