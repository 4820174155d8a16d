import Foundation
import Model

/// Small SVG charts with axes, units and legends, drawn inline so a report needs no network.
/// Colours are the Okabe–Ito palette, readable with colour-blindness.
enum SVGCharts {
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let weekdayColour = "#0072B2", weekendColour = "#E69F00", secondColour = "#D55E00"

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Round tick values from 0 to at least `maximum`.
    static func ticks(_ maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0 else { return [0, 1] }
        let raw = maximum / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: 0.0, through: ceil(maximum / step) * step + step / 2, by: step).map { $0 }
    }

    static func label(_ v: Double) -> String {
        v >= 10_000 ? String(format: "%.0fk", v / 1000) : (v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v))
    }

    struct Frame {
        let width = 860.0, height = 260.0, left = 66.0, right = 16.0, top = 14.0, bottom = 40.0
        var plotWidth: Double { width - left - right }
        var plotHeight: Double { height - top - bottom }
    }

    /// Axes with a y scale; returns the SVG head and a function mapping a value to y.
    static func axes(_ f: Frame, maxY: Double, yTitle: String, xTitle: String) -> (String, (Double) -> Double) {
        let t = ticks(maxY)
        let top = t.last ?? 1
        let y = { (v: Double) in f.top + f.plotHeight * (1 - v / top) }
        var s = #"<svg viewBox="0 0 \#(Int(f.width)) \#(Int(f.height))" role="img">"#
        for v in t {
            s += #"<line x1="\#(fmt(f.left))" x2="\#(fmt(f.width - f.right))" y1="\#(fmt(y(v)))" y2="\#(fmt(y(v)))" class="grid"/>"#
            s += #"<text x="\#(fmt(f.left - 6))" y="\#(fmt(y(v) + 4))" class="tick" text-anchor="end">\#(label(v))</text>"#
        }
        s += #"<text x="18" y="\#(fmt(f.top + f.plotHeight / 2))" class="axis-title" transform="rotate(-90 18 \#(fmt(f.top + f.plotHeight / 2)))" text-anchor="middle">\#(Markup.escape(yTitle))</text>"#
        s += #"<text x="\#(fmt(f.left + f.plotWidth / 2))" y="\#(fmt(f.height - 4))" class="axis-title" text-anchor="middle">\#(Markup.escape(xTitle))</text>"#
        s += #"<line x1="\#(fmt(f.left))" x2="\#(fmt(f.width - f.right))" y1="\#(fmt(f.top + f.plotHeight))" y2="\#(fmt(f.top + f.plotHeight))" class="axis"/>"#
        return (s, y)
    }

    /// Bars with category labels; `colours` per bar.
    static func bars(_ values: [Int64], labels: [String], colours: [String], yTitle: String, xTitle: String,
                     labelEvery: Int = 1) -> String {
        let f = Frame()
        let (head, y) = axes(f, maxY: Double(values.max() ?? 0), yTitle: yTitle, xTitle: xTitle)
        var s = head
        let w = f.plotWidth / Double(max(1, values.count))
        for (i, v) in values.enumerated() {
            let x = f.left + Double(i) * w
            s += #"<rect x="\#(fmt(x + w * 0.1))" y="\#(fmt(y(Double(v))))" width="\#(fmt(max(w * 0.8, 0.5)))" height="\#(fmt(f.top + f.plotHeight - y(Double(v))))" fill="\#(colours[i % colours.count])"><title>\#(Markup.escape(labels[i])): \#(v)</title></rect>"#
            if i % labelEvery == 0 {
                s += #"<text x="\#(fmt(x + w / 2))" y="\#(fmt(f.top + f.plotHeight + 18))" class="tick" text-anchor="middle">\#(Markup.escape(labels[i]))</text>"#
            }
        }
        return s + "</svg>"
    }

    /// Daily series over a long period as lines, with year ticks on the x axis; later series
    /// are drawn over earlier ones.
    static func lines(dates: [String], series: [(name: String, values: [Int64], colour: String)], yTitle: String) -> String {
        let f = Frame()
        let maxY = Double(series.flatMap(\.values).max() ?? 0)
        let (head, y) = axes(f, maxY: maxY, yTitle: yTitle, xTitle: "date (local days)")
        var s = head
        let n = max(1, dates.count - 1)
        let x = { (i: Int) in f.left + f.plotWidth * Double(i) / Double(n) }
        let yearStarts = dates.indices.filter { dates[$0].hasSuffix("-01-01") }
        // The first day is labelled (YYYY-MM) unless a year's label would run into it.
        let labelFirst = yearStarts.first.map { x($0) - x(0) > 90 } ?? true
        for i in (labelFirst && yearStarts.first != 0 ? [0] : []) + yearStarts where i < dates.count {
            let d = dates[i]
            s += #"<line x1="\#(fmt(x(i)))" x2="\#(fmt(x(i)))" y1="\#(fmt(f.top))" y2="\#(fmt(f.top + f.plotHeight))" class="grid"/>"#
            s += #"<text x="\#(fmt(x(i)))" y="\#(fmt(f.top + f.plotHeight + 18))" class="tick" text-anchor="middle">\#(d.prefix(i == 0 && !d.hasSuffix("-01-01") ? 7 : 4))</text>"#
        }
        for line in series {
            let points = line.values.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y(Double($0.element))))" }.joined(separator: " ")
            s += #"<polyline points="\#(points)" fill="none" stroke="\#(line.colour)" stroke-width="1"/>"#
        }
        s += legend(series.map { ($0.name, $0.colour) }, x: f.left + 10, y: f.top + 6)
        return s + "</svg>"
    }

    /// Colour swatches with names from (`x`, `y`), in rows that end before `right`.
    static func legend(_ items: [(String, String)], x: Double, y: Double, right: Double = 840) -> String {
        var s = ""
        var cx = x, cy = y
        for (name, colour) in items {
            // Room for the name at the narrow layout's larger legend font (HTMLReport.css).
            let width = 28 + Double(name.count) * 13
            if cx > x, cx + width > right {
                cx = x
                cy += 26
            }
            s += #"<rect x="\#(fmt(cx))" y="\#(fmt(cy))" width="12" height="12" fill="\#(colour)"/>"#
            s += #"<text x="\#(fmt(cx + 16))" y="\#(fmt(cy + 10))" class="legend">\#(Markup.escape(name))</text>"#
            cx += width
        }
        return s
    }

    /// The 7 × 24 week-hour heatmap. Its colour scale runs from the fewest tweets of any
    /// hour of the week to the most, and says both numbers under its ends.
    static func heatmap(_ m: [[Int64]]) -> String {
        let cell = 30.0, left = 58.0, top = 20.0
        let values = m.flatMap { $0 }
        let minV = Double(values.min() ?? 0), maxV = Double(values.max() ?? 0)
        let days = CivilDate.weekdayNames
        var s = #"<svg viewBox="0 0 \#(Int(left + 24 * cell + 10)) \#(Int(top + 7 * cell + 60))" role="img">"#
        for h in 0..<24 { s += #"<text x="\#(fmt(left + Double(h) * cell + cell / 2))" y="14" class="tick" text-anchor="middle">\#(h)</text>"# }
        for (d, row) in m.enumerated() {
            s += #"<text x="\#(fmt(left - 6))" y="\#(fmt(top + Double(d) * cell + cell / 2 + 4))" class="tick" text-anchor="end">\#(days[d])</text>"#
            for (h, v) in row.enumerated() {
                let t = maxV > minV ? (Double(v) - minV) / (maxV - minV) : 0
                s += #"<rect x="\#(fmt(left + Double(h) * cell))" y="\#(fmt(top + Double(d) * cell))" width="\#(fmt(cell - 1))" height="\#(fmt(cell - 1))" fill="\#(blue(t))"><title>\#(days[d]) \#(h):00 — \#(v) tweets</title></rect>"#
            }
        }
        let ly = top + 7 * cell + 14
        for k in 0..<10 {
            s += #"<rect x="\#(fmt(left + Double(k) * 30))" y="\#(fmt(ly))" width="30" height="12" fill="\#(blue(Double(k) / 9))"/>"#
        }
        s += #"<text x="\#(fmt(left))" y="\#(fmt(ly + 34))" class="tick scale-min">\#(Int64(minV))</text>"#
            + #"<text x="\#(fmt(left + 300))" y="\#(fmt(ly + 34))" class="tick scale-max" text-anchor="end">\#(Int64(maxV))</text>"#
            + #"<text x="\#(fmt(left + 320))" y="\#(fmt(ly + 12))" class="legend">tweets in an hour</text>"#
        return s + "</svg>"
    }

    /// White to dark blue.
    static func blue(_ t: Double) -> String {
        let r = Int(247 - t * (247 - 8)), g = Int(251 - t * (251 - 48)), b = Int(255 - t * (255 - 107))
        return String(format: "#%02x%02x%02x", r, g, b)
    }
}
