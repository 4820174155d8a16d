import Foundation

/// The statistics the ratio comparison reports.
public enum Statistics {
    /// The 95% Wilson score interval of `count` successes in `n` trials.
    public static func wilson(count: Int64, n: Int64, z: Double = 1.959_963_984_540_054) -> (Double, Double) {
        guard n > 0 else { return (0, 0) }
        let p = Double(count) / Double(n)
        let nn = Double(n)
        let denom = 1 + z * z / nn
        let centre = (p + z * z / (2 * nn)) / denom
        let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denom
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Two-proportion z-test with pooled variance: z and the two-sided p-value.
    /// nil when either sample is empty or the pooled share is 0 or 1 (no variance).
    public static func twoProportionZ(count1: Int64, n1: Int64, count2: Int64, n2: Int64) -> (z: Double, p: Double)? {
        guard n1 > 0, n2 > 0 else { return nil }
        let p1 = Double(count1) / Double(n1), p2 = Double(count2) / Double(n2)
        let pooled = Double(count1 + count2) / Double(n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard se > 0 else { return nil }
        let z = (p1 - p2) / se
        return (z, erfc(abs(z) / 2.0.squareRoot()))
    }
}
