import Foundation

/// Agreement between two clusterings of the same items.
public enum ClusterAgreement {
    /// Normalised mutual information (arithmetic mean normalisation), 1 = identical.
    public static func nmi(_ a: [Int], _ b: [Int]) -> Double {
        let n = Double(a.count)
        guard n > 0 else { return 1 }
        var joint: [[Int]: Double] = [:], pa: [Int: Double] = [:], pb: [Int: Double] = [:]
        for (x, y) in zip(a, b) {
            joint[[x, y], default: 0] += 1
            pa[x, default: 0] += 1
            pb[y, default: 0] += 1
        }
        var mi = 0.0
        for (k, c) in joint { mi += c / n * log(c * n / (pa[k[0]]! * pb[k[1]]!)) }
        let h = { (p: [Int: Double]) in -p.values.reduce(0) { $0 + $1 / n * log($1 / n) } }
        let (ha, hb) = (h(pa), h(pb))
        return ha + hb == 0 ? 1 : 2 * mi / (ha + hb)
    }

    /// Adjusted Rand index, 1 = identical, about 0 = chance.
    public static func ari(_ a: [Int], _ b: [Int]) -> Double {
        func c2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var joint: [[Int]: Double] = [:], pa: [Int: Double] = [:], pb: [Int: Double] = [:]
        for (x, y) in zip(a, b) {
            joint[[x, y], default: 0] += 1
            pa[x, default: 0] += 1
            pb[y, default: 0] += 1
        }
        let index = joint.values.reduce(0) { $0 + c2($1) }
        let sa = pa.values.reduce(0) { $0 + c2($1) }, sb = pb.values.reduce(0) { $0 + c2($1) }
        let expected = sa * sb / c2(Double(a.count))
        let maxIndex = (sa + sb) / 2
        return maxIndex == expected ? 1 : (index - expected) / (maxIndex - expected)
    }
}
