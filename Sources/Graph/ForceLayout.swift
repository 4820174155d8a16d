import Foundation
import Model

/// A ForceAtlas2-like layout (Jacomy et al. 2014): degree-weighted repulsion between all
/// pairs, attraction along edges proportional to distance and weight, "strong gravity" to
/// the centre (so disconnected parts stay in view), and adaptive speed. Seeded start positions, so a seed reproduces the
/// picture. Quadratic per iteration: meant for networks of hundreds of nodes.
public enum ForceLayout {
    /// Layout settings.
    public struct Options: Sendable {
        /// Steps of the simulation.
        public var iterations = 400
        /// Repulsion strength.
        public var scaling = 0.05
        /// Pull to the centre.
        public var gravity = 0.3
        /// Seed of the start positions.
        public var seed: UInt64 = 1
        /// The report's settings.
        public init() {}
    }

    /// Positions in roughly [-1, 1] × [-1, 1].
    public static func positions(_ g: WeightedGraph, options: Options = Options()) -> [(x: Double, y: Double)] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        var rng = SeededRandom(seed: options.seed)
        var x = (0..<n).map { _ in rng.unit() * 2 - 1 }
        var y = (0..<n).map { _ in rng.unit() * 2 - 1 }
        var degree = [Double](repeating: 0, count: n)
        for i in 0..<n { g.forEachNeighbor(of: i) { j, _ in if j != i { degree[i] += 1 } } }
        // Attraction uses weights relative to the mean, so heavy networks do not collapse.
        var weightSum = 0.0, edges = 0.0
        for i in 0..<n { g.forEachNeighbor(of: i) { j, w in if j > i { weightSum += w; edges += 1 } } }
        let meanWeight = edges > 0 ? weightSum / edges : 1
        var previous = [(Double, Double)](repeating: (0, 0), count: n)
        var speed = 1.0
        for _ in 0..<options.iterations {
            var fx = [Double](repeating: 0, count: n), fy = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let dx = x[i] - x[j], dy = y[i] - y[j]
                    let d2 = max(dx * dx + dy * dy, 1e-9)
                    let f = options.scaling * (degree[i] + 1) * (degree[j] + 1) / d2
                    fx[i] += dx * f; fy[i] += dy * f
                    fx[j] -= dx * f; fy[j] -= dy * f
                }
                g.forEachNeighbor(of: i) { j, w in
                    guard j > i else { return }
                    let dx = x[i] - x[j], dy = y[i] - y[j]
                    let f = (w / meanWeight).squareRoot()
                    fx[i] -= dx * f; fy[i] -= dy * f
                    fx[j] += dx * f; fy[j] += dy * f
                }
                // "Strong gravity": proportional to the distance, so components stay in view.
                let gf = options.gravity * (degree[i] + 1)
                fx[i] -= x[i] * gf; fy[i] -= y[i] * gf
            }
            // Global speed from swinging (oscillation) versus traction (steady movement).
            var swing = 0.0, traction = 0.0
            for i in 0..<n {
                let sx = fx[i] - previous[i].0, sy = fy[i] - previous[i].1
                swing += (degree[i] + 1) * (sx * sx + sy * sy).squareRoot()
                let tx = fx[i] + previous[i].0, ty = fy[i] + previous[i].1
                traction += (degree[i] + 1) * (tx * tx + ty * ty).squareRoot() / 2
            }
            speed = min(speed * 1.5, swing > 0 ? 0.5 * traction / swing : speed)
            for i in 0..<n {
                let sx = fx[i] - previous[i].0, sy = fy[i] - previous[i].1
                let local = speed / (1 + speed * (sx * sx + sy * sy).squareRoot())
                let force = (fx[i] * fx[i] + fy[i] * fy[i]).squareRoot()
                let step = min(local, 10 / max(force, 1e-9))
                x[i] += fx[i] * step
                y[i] += fy[i] * step
                previous[i] = (fx[i], fy[i])
            }
        }
        // Normalise to [-1, 1].
        let maxAbs = max(x.map(abs).max() ?? 1, y.map(abs).max() ?? 1, 1e-9)
        return (0..<n).map { (x[$0] / maxAbs, y[$0] / maxAbs) }
    }
}
